using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Patients;

/// <summary>A patient whose every value has been checked for plausibility. Optional values stay null.</summary>
public sealed record Patient
{
    public required Age Age { get; init; }
    public required Sex Sex { get; init; }
    public BodyWeight? Weight { get; init; }
    public Height? Height { get; init; }
    public SerumCreatinine? Creatinine { get; init; }

    /// <summary>The upper limit of normal serum creatinine for this patient's age, from the prescriber's laboratory.</summary>
    public SerumCreatinine? CreatinineUpperLimit { get; init; }

    /// <summary>Null when hepatic impairment was not assessed.</summary>
    public HepaticImpairment? Hepatic { get; init; }

    public bool PriorToxicity { get; init; }
    public bool FinalCycle { get; init; }
    public ScreenAnswer Pregnant { get; init; }
    public ScreenAnswer Breastfeeding { get; init; }
    public ScreenAnswer Hypersensitivity { get; init; }
    public IReadOnlyList<string> Medications { get; init; } = [];
    public required DateOnly StartDate { get; init; }
}
