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

    public HepaticImpairment Hepatic { get; init; }
    public bool PriorToxicity { get; init; }
    public bool Pregnant { get; init; }
    public bool Breastfeeding { get; init; }
    public bool Hypersensitivity { get; init; }
    public IReadOnlyList<string> Medications { get; init; } = [];
    public required DateOnly StartDate { get; init; }
}
