using Formulary.Clinical.Patients;
using Formulary.Clinical.Profiles;
using Formulary.Clinical.Regimens;

namespace Formulary.Clinical.Dosing;

/// <summary>
/// The answer for one patient: the wire contract of the CLI's --json, POST /api/dose and
/// /api/check. Amounts are decimal, rounded once; null means "not computed" and an alert or
/// error says why. Every adjustment and alert carries the monograph sentence behind it.
/// </summary>
public sealed record DoseAnswer
{
    public required string Status { get; init; }
    public string? Drug { get; init; }
    public string? Regimen { get; init; }
    public string? Indication { get; init; }
    public bool? Approved { get; init; }

    /// <summary>The regimen's amount as written, e.g. "52 mg/m²".</summary>
    public string? DoseBasis { get; init; }

    public string? Route { get; init; }
    public decimal? BsaM2 { get; init; }
    public string? BsaFormula { get; init; }
    public bool BsaCapped { get; init; }
    public RenalEstimate? Renal { get; init; }

    /// <summary>The dose before monograph adjustments, rounded the same way, for comparison.</summary>
    public decimal? UnadjustedDosePerDayMg { get; init; }

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
    public IReadOnlyList<FieldError> Errors { get; init; } = [];
}
