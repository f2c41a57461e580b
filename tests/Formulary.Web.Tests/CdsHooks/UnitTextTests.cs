using Formulary.Web.CdsHooks;
using Hl7.Fhir.Model;

namespace Formulary.Web.Tests.CdsHooks;

/// <summary>
/// A Quantity's unit text against its UCUM code: free spellings of the code's unit agree, a text naming another unit
/// (another dimension, or the same dimension by another factor) disagrees, and a text that cannot be understood says
/// nothing against the code.
/// </summary>
public sealed class UnitTextTests
{
    private static Quantity Coded(string? unit, string code) => new() { Value = 1m, Unit = unit, System = UcumUnits.System, Code = code };

    [Theory]
    [InlineData("kg", "kg")]
    [InlineData("Kg", "kg")]
    [InlineData("KG", "kg")]
    [InlineData("kgs", "kg")]
    [InlineData("kilogram", "kg")]
    [InlineData("Kilograms", "kg")]
    [InlineData(" kg ", "kg")]
    [InlineData("lb", "[lb_av]")]
    [InlineData("lbs.", "[lb_av]")]
    [InlineData("pounds", "[lb_av]")]
    [InlineData("cm", "cm")]
    [InlineData("inches", "[in_i]")]
    [InlineData("mg/dL", "mg/dL")]
    [InlineData("mg/100mL", "mg/dL")]
    [InlineData("µmol/L", "umol/L")]
    [InlineData("μmol/L", "umol/L")]
    [InlineData("umol/l", "umol/L")]
    [InlineData("mcg", "ug")]
    [InlineData("mg", "mg")]
    public void Mismatch_TextNamingTheCodesUnit_IsNull(string unit, string code) =>
        Assert.Null(UnitText.Mismatch(Coded(unit, code)));

    [Theory]
    [InlineData("lb", "kg")]
    [InlineData("pounds", "kg")]
    [InlineData("kg", "[lb_av]")]
    [InlineData("g", "kg")]
    [InlineData("g", "mg")]
    [InlineData("in", "cm")]
    [InlineData("m", "cm")]
    [InlineData("umol/L", "mg/dL")]
    [InlineData("mg/dL", "umol/L")]
    [InlineData("mg/L", "mg/dL")]
    public void Mismatch_TextNamingAnotherUnit_SaysBoth(string unit, string code) =>
        Assert.Equal($"gives its unit as '{unit}' in text but '{code}' in its UCUM code", UnitText.Mismatch(Coded(unit, code)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Body weight")]
    [InlineData("1 kg")]
    [InlineData("kilos of it")]
    public void Mismatch_TextThatCannotBeUnderstood_TrustsTheCode(string? unit) =>
        Assert.Null(UnitText.Mismatch(Coded(unit, "kg")));

    [Fact]
    public void Mismatch_CodeUcumDoesNotKnow_IsLeftToTheConversionsOwnWords() =>
        Assert.Null(UnitText.Mismatch(Coded("lbs", "lbs")));
}
