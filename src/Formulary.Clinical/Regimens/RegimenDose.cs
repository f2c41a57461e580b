using Formulary.Clinical.Profiles;

namespace Formulary.Clinical.Regimens;

/// <summary>
/// One regimen computed for one patient: the <c>regimens[]</c> entry of the dose answer (CLI --json,
/// POST /api/dose). Integrators rely on these fields; amounts in mg, rounded once by the policy;
/// null means not computed or not stated (an alert or the trace says which).
/// </summary>
public sealed record RegimenDose
{
    public required string Id { get; init; }
    public required string Label { get; init; }
    public required string Population { get; init; }
    public string? Use { get; init; }
    public string? Route { get; init; }

    /// <summary><c>mg/m2</c>, <c>mg/kg</c>, <c>mg</c> or <c>auc</c>.</summary>
    public required string Basis { get; init; }

    /// <summary>The dose given: rounded once by the policy.</summary>
    public ValueRange? PerDoseMg { get; init; }

    public ValueRange? PerDayMg { get; init; }

    /// <summary>The calculated dose before rounding (to 0.0001 mg), so the change rounding made is visible.</summary>
    public ValueRange? CalculatedPerDoseMg { get; init; }

    public ValueRange? CalculatedPerDayMg { get; init; }

    /// <summary>The rounding increment of the policy, mg.</summary>
    public decimal? RoundingIncrementMg { get; init; }

    /// <summary>The largest change rounding made to any of the amounts, in % of the calculated amount (signed).</summary>
    public decimal? PercentChange { get; init; }

    public ValueRange? IntervalHours { get; init; }
    public int? TimesPerDay { get; init; }
    public int? Days { get; init; }

    /// <summary>The per-dose ceiling for this patient, mg.</summary>
    public decimal? MaxPerDoseMg { get; init; }

    /// <summary>The per-day ceiling for this patient: the lower of mg/kg/day × weight and the absolute cap, mg.</summary>
    public decimal? MaxPerDayMg { get; init; }

    public IReadOnlyList<RegimenAdjustment> Adjustments { get; init; } = [];
    public required Citation Source { get; init; }
}
