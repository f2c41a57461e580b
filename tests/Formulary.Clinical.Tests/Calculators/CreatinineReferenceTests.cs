using Formulary.Clinical.Calculators;
using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Tests.Calculators;

/// <summary>
/// The creatinine ULN used when the laboratory gives none, checked against the published Q values
/// (median creatinine of healthy children by age and sex) of the full-age-spectrum equation:
/// Pottel H et al., Nephrol Dial Transplant 2016;31:798-806 (doi:10.1093/ndt/gfv454), Table 1,
/// in µmol/L for ages 1 to 19; adults 62 (women) and 80 (men).
/// </summary>
public sealed class CreatinineReferenceTests
{
    private static readonly int[] BoysQ = [23, 26, 27, 30, 34, 36, 39, 41, 43, 45, 47, 50, 52, 54, 64, 69, 72, 75, 78];
    private static readonly int[] GirlsQ = [23, 26, 27, 30, 34, 36, 39, 41, 43, 45, 47, 50, 52, 54, 57, 59, 61, 61, 62];

    [Fact]
    public void ChildLine_Ages1To14BothSexes_WithinTwoMicromolOfThePublishedQ()
    {
        for (var age = 1; age <= 14; age++)
        {
            // Q (µmol/L) = (0.0270 × age + 0.2329) × 88.4; e.g. 7 years: 0.4219 × 88.4 = 37.3 against 39
            var line = ((0.0270m * age) + 0.2329m) * 88.4m;
            Assert.InRange(line - BoysQ[age - 1], -2m, 2m);
            Assert.InRange(line - GirlsQ[age - 1], -2m, 2m);
        }
    }

    [Fact]
    public void Adolescents_GirlsFollowTheTable_BoysStayBelowIt_SoTheSevereRenalTestNeverLoosens()
    {
        for (var age = 15; age <= 19; age++)
        {
            var girl = MedianMicromol(age, Sex.Female);
            var boy = MedianMicromol(age, Sex.Male);
            Assert.InRange(girl - GirlsQ[age - 1], -2m, 2m);
            Assert.True(boy <= BoysQ[age - 1], $"{age} years: boys' Q {boy:0.0} is above the published {BoysQ[age - 1]}");
        }
    }

    [Theory]
    // adults: ULN = 1.33 × Q; women Q 0.70 mg/dL (62 µmol/L / 88.4 = 0.701) → 0.931 → 0.93; men 0.90 (80 / 88.4 = 0.905) → 1.197 → 1.20
    [InlineData(30, "female", 0.93)]
    [InlineData(30, "male", 1.20)]
    // 8 years: Q = 0.0270 × 8 + 0.2329 = 0.4489; ULN = 1.33 × 0.4489 = 0.5970 → 0.60 mg/dL
    [InlineData(8, "female", 0.60)]
    public void UpperLimit_AgeAndSex_HandComputed(decimal age, string sex, decimal expectedMgPerDl)
    {
        var (uln, _) = CreatinineReference.UpperLimit(Age.FromYears(age), sex == "male" ? Sex.Male : Sex.Female)!.Value;

        Assert.Equal(expectedMgPerDl, uln.MgPerDl);
    }

    [Fact]
    public void UpperLimit_UnderOneYear_NoneSoTheDoseIsWithheld() =>
        Assert.Null(CreatinineReference.UpperLimit(Age.FromYears(0.9m), Sex.Female));

    /// <summary>The Q the engine uses, back from its ULN: ULN / 1.33, in µmol/L (before the ULN's rounding to 0.01 mg/dL, within 0.5).</summary>
    private static decimal MedianMicromol(int age, Sex sex) =>
        CreatinineReference.UpperLimit(Age.FromYears(age), sex)!.Value.UpperLimit.MgPerDl / CreatinineReference.UpperLimitTimesMedian * 88.4m;
}
