using Formulary.Clinical.Patients;
using Formulary.Clinical.Quantities;

namespace Formulary.Monographs.Tests.Rules.Samples;

/// <summary>A compact patient for the sample-rule tests, in kg, cm and mg/dL; every screen answered no unless given.</summary>
internal sealed record SampleRequest
{
    public decimal? AgeYears { get; init; }
    public string? Sex { get; init; }
    public decimal? WeightKg { get; init; }
    public decimal? HeightCm { get; init; }
    public decimal? ScrMgDl { get; init; }
    public decimal? ScrUlnMgDl { get; init; }
    public string? Hepatic { get; init; }
    public bool PriorToxicity { get; init; }
    public decimal? RoundingIncrementMg { get; init; }

    public PatientInput ToInput() => new()
    {
        AgeYears = AgeYears,
        Sex = Sex switch { "female" => Clinical.Quantities.Sex.Female, "male" => Clinical.Quantities.Sex.Male, _ => null },
        Weight = WeightKg is { } kg ? Measure.Kilograms(kg) : null,
        Height = HeightCm is { } cm ? Measure.Centimetres(cm) : null,
        Creatinine = ScrMgDl is { } scr ? Measure.MgPerDl(scr) : null,
        CreatinineUpperLimit = ScrUlnMgDl is { } uln ? Measure.MgPerDl(uln) : null,
        Hepatic = Hepatic is null ? HepaticImpairment.None : Enum.Parse<HepaticImpairment>(Hepatic, ignoreCase: true),
        Pregnant = ScreenAnswer.No,
        Breastfeeding = ScreenAnswer.No,
        Hypersensitivity = ScreenAnswer.No,
        PriorToxicity = PriorToxicity,
        StartDate = new DateOnly(2026, 3, 2),
        Policy = new PolicyInput { RoundingIncrementMg = RoundingIncrementMg },
    };
}
