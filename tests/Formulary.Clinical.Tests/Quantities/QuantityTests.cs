using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Tests.Quantities;

public sealed class QuantityTests
{
    [Fact]
    public void BodyWeight_FromPounds_ConvertsAtExactAvoirdupoisFactor() =>
        // 100 lb × 0.45359237 kg/lb = 45.359237 kg (exact by definition)
        Assert.Equal(45.359237m, BodyWeight.FromPounds(100m).Kilograms);

    [Fact]
    public void Height_FromInches_ConvertsAtExactFactor() =>
        // 55 in × 2.54 cm/in = 139.7 cm
        Assert.Equal(139.7m, Height.FromInches(55m).Centimetres);

    [Fact]
    public void SerumCreatinine_FromMicromol_ConvertsAt88Point4() =>
        // 88.4 µmol/L / 88.4 = 1 mg/dL
        Assert.Equal(1m, SerumCreatinine.FromMicromolPerLitre(88.4m).MgPerDl);

    [Fact]
    public void SerumCreatinine_MgPerDl_ReportsMicromol() =>
        // 0.5 mg/dL × 88.4 = 44.2 µmol/L
        Assert.Equal(44.2m, SerumCreatinine.FromMgPerDl(0.5m).MicromolPerLitre);

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(700)]
    public void BodyWeight_Impossible_Throws(decimal kg) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BodyWeight.FromKilograms(kg));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(300)]
    public void Height_Impossible_Throws(decimal cm) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Height.FromCentimetres(cm));

    [Fact]
    public void SerumCreatinine_88MgPerDl_ProblemSuggestsMicromol()
    {
        var problem = SerumCreatinine.ProblemInMgPerDl(88m);

        Assert.NotNull(problem);
        Assert.Contains("µmol/L", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void SerumCreatinine_TinyMicromol_ProblemSuggestsMgPerDl()
    {
        var problem = SerumCreatinine.ProblemInMicromolPerLitre(0.9m);

        Assert.NotNull(problem);
        Assert.Contains("mg/dL", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Age_Negative_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => Age.FromYears(-1m));

    [Fact]
    public void Age_Newborn_IsValid() => Assert.Equal(0m, Age.FromYears(0m).Years);

    [Theory]
    // 57.5952 / 0.1 = 575.952 → 576 → 57.6
    [InlineData(57.5952, 0.1, 57.6)]
    // 34.65 / 0.1 = 346.5 → away from zero 347 → 34.7
    [InlineData(34.65, 0.1, 34.7)]
    // 47.9622 / 1 = 47.9622 → 48
    [InlineData(47.9622, 1, 48)]
    // 72.5 / 5 = 14.5 → 15 → 75
    [InlineData(72.5, 5, 75)]
    public void Dose_RoundTo_RoundsOnceToIncrement(decimal mg, decimal increment, decimal expected) =>
        Assert.Equal(expected, Dose.FromMilligrams(mg).RoundTo(increment, MidpointRounding.AwayFromZero).Milligrams);

    [Fact]
    public void Dose_Negative_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => Dose.FromMilligrams(-1m));

    [Fact]
    public void RenalFunction_Zero_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => RenalFunction.CreatinineClearance(0m));

    [Fact]
    public void Anc_AboveRange_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => Anc.FromCellsE9PerLitre(1000m));

    [Fact]
    public void Duration_Zero_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => Duration.FromHours(0m));
}
