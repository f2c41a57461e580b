using System.Globalization;
using Formulary.Web.CdsHooks;

namespace Formulary.Web.Tests.CdsHooks;

/// <summary>
/// UCUM conversions against the definitions in the UCUM table (exact by definition: 1 [lb_av] = 0.45359237 kg,
/// 1 [in_i] = 2.54 cm), asked twice so that the kept per-unit factor (the second call) gives what the full
/// reduction (the first) gave; a special unit (Celsius: an offset, not a factor) is never scaled.
/// </summary>
public sealed class UcumUnitsTests
{
    [Theory]
    [InlineData("66", "[lb_av]", "kg", "29.93709642")]    // 66 × 0.45359237
    [InlineData("53", "[in_i]", "cm", "134.62")]          // 53 × 2.54
    [InlineData("2500", "g", "kg", "2.5")]
    [InlineData("1.35", "m", "cm", "135")]
    [InlineData("0.5", "mg/dL", "mg/dL", "0.5")]
    [InlineData("55.1", "mg", "mg", "55.1")]
    [InlineData("0.0551", "g", "mg", "55.1")]
    public void Convert_ProportionalUnits_GiveTheDefinedValue_FirstAndKeptFactorAlike(string value, string from, string to, string expected)
    {
        var first = UcumUnits.Convert(decimal.Parse(value, CultureInfo.InvariantCulture), from, to);
        var again = UcumUnits.Convert(decimal.Parse(value, CultureInfo.InvariantCulture), from, to);

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), first);
        Assert.Equal(first, again);
    }

    [Fact]
    public void Convert_Celsius_ASpecialUnitFhirMetricsDoesNotReduce_IsNullNeverScaled()
    {
        // 37 °C is 310.15 K (an offset); scaling by the value of 1 °C would give 10,143.55. Fhir.Metrics 1.4.1
        // reduces no special unit, so the answer is "not understood", first and kept alike.
        Assert.Null(UcumUnits.Convert(37m, "Cel", "K"));
        Assert.Null(UcumUnits.Convert(37m, "Cel", "K"));
    }

    [Theory]
    [InlineData("lbs", "kg")]
    [InlineData("Cm", "cm")]
    [InlineData("kg", "cm")]
    [InlineData("", "kg")]
    public void Convert_UnknownUnitOrAnotherDimension_IsNull(string from, string to)
    {
        Assert.Null(UcumUnits.Convert(1m, from, to));
        Assert.Null(UcumUnits.Convert(1m, from, to));
    }

    [Fact]
    public void Convert_ValueTooLargeForDecimal_IsNullNotAnException()
    {
        Assert.Null(UcumUnits.Convert(decimal.MaxValue, "kg", "mg"));
    }
}
