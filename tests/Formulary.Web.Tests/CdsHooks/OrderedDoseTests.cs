using Formulary.Clinical.Regimens;
using Formulary.Web.CdsHooks;
using Hl7.Fhir.Model;

namespace Formulary.Web.Tests.CdsHooks;

/// <summary>The ordered amount read from an order's first dosage, for doses per m² of body surface area.</summary>
public sealed class OrderedDoseTests
{
    [Fact]
    public void PerSquareMetre_WithoutABsa_IsNotCompared()
    {
        var amount = OrderedDose.Read(Order(Mg2(52m)), bsaM2: null);

        Assert.Null(amount.PerDoseMg);
        Assert.Equal("The ordered dose, 52 mg/m2, is per m² of body surface area, and this dose is not computed from one, so it is not compared.", amount.NotCompared?.Why);
    }

    [Fact]
    public void PerSquareMetreRange_TwiceADay_IsThatRangeTimesTheBsaTimesTwo()
    {
        var dosage = new Dosage
        {
            DoseAndRate = [new Dosage.DoseAndRateComponent { Dose = new Hl7.Fhir.Model.Range { Low = Mg2(20m), High = Mg2(25m) } }],
            Timing = new Timing { Repeat = new Timing.RepeatComponent { Frequency = 2, Period = 1m, PeriodUnit = Timing.UnitsOfTime.D } },
        };

        var amount = OrderedDose.Read(new MedicationRequest { DosageInstruction = [dosage] }, bsaM2: 1.5m);

        // 20–25 mg/m² × 1.5 m² = 30–37.5 mg a dose; twice a day = 60–75 mg per day.
        Assert.Equal(new ValueRange(60m, 75m), amount.PerDayMg);
        Assert.Equal("20–25 mg/m2 × 1.50 m² = 30–37.5 mg 2 times a day (60–75 mg per day)", amount.Daily);
        Assert.False(amount.OncePerDay);
        Assert.True(amount.PerArea);
    }

    [Fact]
    public void PerSquareMetre_NotUcum_IsNotCompared()
    {
        var amount = OrderedDose.Read(Order(new Quantity(52m, "mg/m2") { System = null, Code = "mg/m2" }), bsaM2: 1.06m);

        Assert.Null(amount.PerDoseMg);
        Assert.Equal("The ordered dose has the unit 'mg/m2' without a UCUM code (system http://unitsofmeasure.org); the unit cannot be told, so it is not compared.", amount.NotCompared?.Why);
    }

    [Fact]
    public void UnitTextOnly_IsNotCompared_AndSaysTheUnitHasNoCode()
    {
        // As EHRs send it: a unit written for people, no system or code. 'mg' is a UCUM code, but uncoded text is not read as one.
        var amount = OrderedDose.Read(Order(new Quantity { Value = 55.1m, Unit = "mg" }), bsaM2: 1.06m);

        Assert.Null(amount.PerDoseMg);
        Assert.Equal("The ordered dose has the unit 'mg' without a UCUM code (system http://unitsofmeasure.org); the unit cannot be told, so it is not compared.", amount.NotCompared?.Why);
    }

    [Fact]
    public void RangeOfUncodedEnds_IsNotCompared_AndSaysTheUnitHasNoCode()
    {
        var range = new Hl7.Fhir.Model.Range { Low = new Quantity { Value = 50m, Unit = "mg" }, High = new Quantity { Value = 60m, Unit = "mg" } };

        var amount = OrderedDose.Read(new MedicationRequest { DosageInstruction = [new Dosage { DoseAndRate = [new Dosage.DoseAndRateComponent { Dose = range }] }] }, bsaM2: 1.06m);

        Assert.Null(amount.PerDoseMg);
        Assert.Contains("the unit 'mg' without a UCUM code", amount.NotCompared?.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void WithAComparator_IsNotCompared_AndSaysItIsNotExact()
    {
        var amount = OrderedDose.Read(Order(new Quantity(60m, "mg") { System = "http://unitsofmeasure.org", Code = "mg", Comparator = Quantity.QuantityComparator.LessThan }), bsaM2: 1.06m);

        Assert.Null(amount.PerDoseMg);
        Assert.Equal("The ordered dose is not an exact amount ('< 60'), so it is not compared.", amount.NotCompared?.Why);
    }

    [Fact]
    public void CodedButNotAMass_IsNotCompared_AndNamesTheCode()
    {
        var amount = OrderedDose.Read(Order(new Quantity(2m, "mL") { System = "http://unitsofmeasure.org", Code = "mL" }), bsaM2: 1.06m);

        Assert.Null(amount.PerDoseMg);
        Assert.Equal("The ordered dose is in 'mL', not a UCUM mass unit or mass per m², so it is not compared.", amount.NotCompared?.Why);
    }

    [Theory]
    [InlineData("1.7", "mg/kg")]
    [InlineData("1700", "ug/kg")]
    public void PerKilogram_IsNotCompared_AndSaysTheWeightCannotBeTold(string value, string code)
    {
        var amount = OrderedDose.Read(Order(new Quantity(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), code) { System = "http://unitsofmeasure.org", Code = code }), bsaM2: 1.06m);

        Assert.Null(amount.PerDoseMg);
        Assert.Equal($"The ordered dose, {value} {code}, is per kg of body weight, and which weight it is meant for (actual, ideal or adjusted) cannot be told from the order, so it is not compared: check the amount it gives against the computed dose.", amount.NotCompared?.Why);
    }

    [Fact]
    public void PerKilogramRange_IsNotCompared_AndShowsBothEnds()
    {
        var range = new Hl7.Fhir.Model.Range { Low = new Quantity(1m, "mg/kg") { System = "http://unitsofmeasure.org", Code = "mg/kg" }, High = new Quantity(2m, "mg/kg") { System = "http://unitsofmeasure.org", Code = "mg/kg" } };

        var amount = OrderedDose.Read(new MedicationRequest { DosageInstruction = [new Dosage { DoseAndRate = [new Dosage.DoseAndRateComponent { Dose = range }] }] }, bsaM2: 1.06m);

        Assert.Null(amount.PerDoseMg);
        Assert.StartsWith("The ordered dose, 1–2 mg/kg, is per kg of body weight", amount.NotCompared?.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void PerSquareMetre_ImplausiblyLarge_IsFlagged()
    {
        var amount = OrderedDose.Read(Order(Mg2(2_000_000m)), bsaM2: 1m);

        Assert.True(amount.Implausible);
        Assert.Null(amount.PerDoseMg);
    }

    private static Quantity Mg2(decimal value) => new(value, "mg/m2") { System = "http://unitsofmeasure.org", Code = "mg/m2" };

    private static MedicationRequest Order(Quantity dose) =>
        new() { DosageInstruction = [new Dosage { DoseAndRate = [new Dosage.DoseAndRateComponent { Dose = dose }] }] };
}
