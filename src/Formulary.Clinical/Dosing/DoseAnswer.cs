using Formulary.Clinical.Calculators;
using Formulary.Clinical.Patients;
using Formulary.Clinical.Profiles;
using Formulary.Clinical.Regimens;

namespace Formulary.Clinical.Dosing;

/// <summary>
/// The answer for one patient: the wire contract of the CLI's --json, POST /api/dose and
/// /api/check. Amounts are decimal, rounded once; null means "not computed" and an alert or
/// error says why. A dose is present only when <see cref="Status"/> is <see cref="AnswerStatus.Ok"/>.
/// Every adjustment and alert carries its source.
/// </summary>
public sealed record DoseAnswer
{
    public required AnswerStatus Status { get; init; }
    public string? Drug { get; init; }
    public string? Regimen { get; init; }
    public string? Indication { get; init; }
    public bool? Approved { get; init; }

    /// <summary>The regimen's amount as written, e.g. "52 mg/m²".</summary>
    public string? DoseBasis { get; init; }

    public string? Route { get; init; }

    /// <summary>The BSA the dose was computed from (rounded to 0.01 m², after any cap).</summary>
    public decimal? BsaM2 { get; init; }

    public BsaFormula? BsaFormula { get; init; }
    public bool BsaCapped { get; init; }

    /// <summary>The patient's BSA when the institution cap replaced it.</summary>
    public decimal? UncappedBsaM2 { get; init; }

    /// <summary>The daily dose the uncapped BSA would give (rounded like the dose).</summary>
    public decimal? UncappedDosePerDayMg { get; init; }

    public RenalEstimate? Renal { get; init; }

    /// <summary>The dose before monograph adjustments, rounded the same way, for comparison.</summary>
    public decimal? UnadjustedDosePerDayMg { get; init; }

    /// <summary>The daily dose after adjustments, before rounding.</summary>
    public decimal? CalculatedDoseMg { get; init; }

    public decimal? RoundingIncrementMg { get; init; }

    /// <summary>The calculated dose rounded once to the increment: the dose to give (equal to <see cref="DosePerDayMg"/>).</summary>
    public decimal? RoundedDoseMg { get; init; }

    /// <summary>(rounded − calculated) / calculated × 100, to 0.1%.</summary>
    public decimal? PercentChange { get; init; }

    public decimal? DosePerDayMg { get; init; }
    public int? Days { get; init; }
    public decimal? CycleTotalMg { get; init; }
    public decimal? InfusionHours { get; init; }
    public string? InfusionNote { get; init; }
    public IReadOnlyList<AnswerAdjustment> Adjustments { get; init; } = [];
    public IReadOnlyList<AnswerAlert> Alerts { get; init; } = [];
    public IReadOnlyList<CycleDay> CycleDays { get; init; } = [];

    /// <summary>Every general (schema 2) regimen that applies to the patient, computed; empty for schema-1 drugs.</summary>
    public IReadOnlyList<RegimenDose> Regimens { get; init; } = [];
    public NextCycle? NextCycle { get; init; }
    public IReadOnlyList<ContraceptionAdvice> Contraception { get; init; } = [];
    public IReadOnlyList<CitedText> Monitoring { get; init; } = [];
    public IReadOnlyList<CitedText> StopCriteria { get; init; } = [];
    public IReadOnlyList<string> Trace { get; init; } = [];

    /// <summary>
    /// Where each alert was written into the trace: <c>Alerts[i]</c> is step <c>Trace[AlertSteps[i]]</c>, so a reader that shows
    /// the alerts can show their steps without the text a second time (a CDS card). Empty when the answer was refused before
    /// screening (its alerts have no step). Not part of the wire contract: the JSON has the trace itself.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<int> AlertSteps { get; init; } = [];

    public IReadOnlyList<FieldError> Errors { get; init; } = [];

    /// <summary>The answer for input refused before or by the engine: no dose, the errors, a trace of them.</summary>
    public static DoseAnswer Refused(string? drug, IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return new()
        {
            Status = AnswerStatus.Refused,
            Drug = drug,
            Errors = errors,
            Trace = [.. errors.Select(e => Invariant($"Refused {e.Field}: {e.Message}"))],
        };
    }
}
