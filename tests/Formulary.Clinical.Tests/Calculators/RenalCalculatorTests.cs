using Formulary.Clinical.Calculators;
using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Tests.Calculators;

/// <summary>
/// Cockcroft DW, Gault MH. Nephron 1976;16:31-41: CrCl = (140 − age) × W kg / (72 × SCr mg/dL), × 0.85 female.
/// Schwartz GJ et al. J Am Soc Nephrol 2009;20:629-637 (bedside): eGFR = 0.413 × H cm / SCr mg/dL.
/// Expected values computed by hand.
/// </summary>
public sealed class RenalCalculatorTests
{
    public static TheoryData<decimal, decimal, decimal, Sex, decimal> CockcroftGaultCases => new()
    {
        // (140 − 20) × 70 / (72 × 2.5) = 8400 / 180 = 46.667
        { 20m, 70m, 2.5m, Sex.Male, 46.667m },
        // (140 − 40) × 60 / (72 × 1.0) = 6000 / 72 = 83.333; × 0.85 = 70.833
        { 40m, 60m, 1.0m, Sex.Female, 70.833m },
        // (140 − 65) × 80 / (72 × 1.5) = 6000 / 108 = 55.556
        { 65m, 80m, 1.5m, Sex.Male, 55.556m },
        // (140 − 25) × 70 / (72 × 0.9) = 8050 / 64.8 = 124.228
        { 25m, 70m, 0.9m, Sex.Male, 124.228m },
    };

    [Theory]
    [MemberData(nameof(CockcroftGaultCases))]
    public void CockcroftGault_PublishedFormula_MatchesHandComputedValue(decimal age, decimal kg, decimal scr, Sex sex, decimal expected)
    {
        var crcl = RenalCalculator.CockcroftGault(Age.FromYears(age), BodyWeight.FromKilograms(kg), SerumCreatinine.FromMgPerDl(scr), sex);

        Assert.Equal(expected, Math.Round(crcl.Value, 3));
        Assert.Equal(RenalFunctionUnit.MlPerMinute, crcl.Unit);
    }

    [Theory]
    // 0.413 × 125 / 0.5 = 51.625 / 0.5 = 103.25
    [InlineData(125, 0.5, 103.25)]
    // 0.413 × 138 / 0.5 = 56.994 / 0.5 = 113.988
    [InlineData(138, 0.5, 113.988)]
    // 0.413 × 100 / 1.4 = 41.3 / 1.4 = 29.5
    [InlineData(100, 1.4, 29.5)]
    public void BedsideSchwartz_PublishedFormula_MatchesHandComputedValue(decimal cm, decimal scr, decimal expected)
    {
        var egfr = RenalCalculator.BedsideSchwartz(Height.FromCentimetres(cm), SerumCreatinine.FromMgPerDl(scr));

        Assert.Equal(expected, Math.Round(egfr.Value, 3));
        Assert.Equal(RenalFunctionUnit.MlPerMinutePer173SquareMetres, egfr.Unit);
    }

    [Fact]
    public void CockcroftGault_MicromolInput_SameAsMgPerDl()
    {
        // 221 µmol/L / 88.4 = 2.5 mg/dL → 46.667 as above
        var crcl = RenalCalculator.CockcroftGault(Age.FromYears(20m), BodyWeight.FromKilograms(70m), SerumCreatinine.FromMicromolPerLitre(221m), Sex.Male);

        Assert.Equal(46.667m, Math.Round(crcl.Value, 3));
    }

    [Theory]
    [InlineData(17.99, RenalEquation.BedsideSchwartz)]
    [InlineData(18, RenalEquation.CockcroftGault)]
    [InlineData(4, RenalEquation.BedsideSchwartz)]
    public void EquationFor_Age_ChildrenGetSchwartzAdultsCockcroftGault(decimal age, RenalEquation expected) =>
        Assert.Equal(expected, RenalCalculator.EquationFor(Age.FromYears(age)));
}
