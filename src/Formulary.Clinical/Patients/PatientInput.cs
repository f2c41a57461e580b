using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Patients;

/// <summary>
/// One patient as entered, typed: what the CLI options, the JSON API, the page form (and CDS Hooks)
/// each build from their own format. Nothing here is checked yet: the engine validates every value
/// and refuses by <see cref="PatientField"/>. Null means "not given"; screens default to not asked.
/// </summary>
public sealed record PatientInput
{
    /// <summary>Age in years, fractional for infants (0.5 = six months).</summary>
    public decimal? AgeYears { get; init; }

    public Sex? Sex { get; init; }
    public Measurement<MassUnit>? Weight { get; init; }
    public Measurement<LengthUnit>? Height { get; init; }
    public Measurement<CreatinineUnit>? Creatinine { get; init; }

    /// <summary>The laboratory's upper limit of normal serum creatinine for this patient's age.</summary>
    public Measurement<CreatinineUnit>? CreatinineUpperLimit { get; init; }

    /// <summary>The prescriber's grading; null is "not assessed".</summary>
    public HepaticImpairment? Hepatic { get; init; }

    public ScreenAnswer Pregnant { get; init; }
    public ScreenAnswer Breastfeeding { get; init; }

    /// <summary>Known hypersensitivity to the drug.</summary>
    public ScreenAnswer Hypersensitivity { get; init; }

    /// <summary>Significant toxicity in a previous cycle.</summary>
    public bool PriorToxicity { get; init; }

    /// <summary>This cycle is the last one planned (the contraception end date can then be given).</summary>
    public bool FinalCycle { get; init; }

    public IReadOnlyList<string> Medications { get; init; } = [];

    /// <summary>Day 1 of the cycle; null means today (from the engine's clock).</summary>
    public DateOnly? StartDate { get; init; }

    public PolicyInput Policy { get; init; } = new();
}
