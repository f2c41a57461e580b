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

        Assert.Null(amount.LowMg);
        Assert.Equal("The ordered dose, 52 mg/m2, is per m² of body surface area, and this dose is not computed from one, so it is not compared.", amount.NotCompared);
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
        Assert.Equal((60m, 75m), (amount.LowMg, amount.HighMg));
        Assert.Equal("20–25 mg/m2 × 1.50 m² = 30–37.5 mg 2 times a day (60–75 mg per day)", amount.Shown);
        Assert.False(amount.OncePerDay);
        Assert.True(amount.PerArea);
    }

    [Fact]
    public void PerSquareMetre_NotUcum_IsNotCompared()
    {
        var amount = OrderedDose.Read(Order(new Quantity(52m, "mg/m2") { System = null, Code = "mg/m2" }), bsaM2: 1.06m);

        Assert.Null(amount.LowMg);
        Assert.Contains("not a UCUM mass unit or mass per m²", amount.NotCompared, StringComparison.Ordinal);
    }

    [Fact]
    public void PerSquareMetre_ImplausiblyLarge_IsFlagged()
    {
        var amount = OrderedDose.Read(Order(Mg2(2_000_000m)), bsaM2: 1m);

        Assert.True(amount.Implausible);
        Assert.Null(amount.LowMg);
    }

    private static Quantity Mg2(decimal value) => new(value, "mg/m2") { System = "http://unitsofmeasure.org", Code = "mg/m2" };

    private static MedicationRequest Order(Quantity dose) =>
        new() { DosageInstruction = [new Dosage { DoseAndRate = [new Dosage.DoseAndRateComponent { Dose = dose }] }] };
}
