using Hl7.Fhir.Model;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// The dose an order gives, in mg, when it can be compared with a daily dose: the first dosage's
/// <c>doseQuantity</c> in a UCUM mass unit, given at most once a day. Otherwise null and why not.
/// </summary>
internal static class OrderedDose
{
    public static (decimal? Milligrams, string? NotCompared) Read(MedicationRequest order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var dosage = order.DosageInstruction.FirstOrDefault();
        if (dosage?.DoseAndRate.FirstOrDefault()?.Dose is not Quantity { Value: { } value } quantity)
        {
            return (null, "The order gives no dose quantity, so it is not compared.");
        }

        if (quantity.System != UcumUnits.System || quantity.Code is null || UcumUnits.Convert(value, quantity.Code, "mg") is not { } mg)
        {
            return (null, $"The ordered dose is in '{quantity.Code ?? quantity.Unit ?? "no unit"}', not a UCUM mass unit, so it is not compared.");
        }

        var repeat = dosage.Timing?.Repeat;
        var oncePerDay = repeat is null
            || (repeat.Frequency is null or 1 && (repeat.Period is null || (repeat.Period == 1 && repeat.PeriodUnit == Timing.UnitsOfTime.D)));
        return oncePerDay
            ? (mg, null)
            : (null, "The order is given more than once a day or on another period; its dose is not compared with the daily dose.");
    }

    /// <summary>A copy of the order with the first dosage's dose replaced by <paramref name="milligrams"/> mg.</summary>
    public static MedicationRequest WithDose(MedicationRequest order, decimal milligrams)
    {
        ArgumentNullException.ThrowIfNull(order);
        var corrected = (MedicationRequest)order.DeepCopy();
        corrected.DosageInstruction[0].DoseAndRate[0].Dose = new Quantity(milligrams, "mg") { System = UcumUnits.System, Code = "mg", Unit = "mg" };
        return corrected;
    }
}
