using Hl7.Fhir.Model;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// The dose an order gives, in mg, when it can be compared with a daily dose: the first dosage's
/// <c>doseQuantity</c> in a UCUM mass unit, given at most once a day. Otherwise null and why not; an amount
/// that cannot be a dose (zero, negative, more than <see cref="MaxPlausibleMg"/>) is not compared either, and
/// is flagged so the card warns about the order itself.
/// </summary>
internal static class OrderedDose
{
    /// <summary>One kilogram: no single dose of any drug comes near it, so an order above it is an entry error.</summary>
    public const decimal MaxPlausibleMg = 1_000_000m;

    public static (decimal? Milligrams, string? NotCompared, bool Implausible) Read(MedicationRequest order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var dosage = order.DosageInstruction.FirstOrDefault();
        if (dosage?.DoseAndRate.FirstOrDefault()?.Dose is not Quantity { Value: { } value } quantity)
        {
            return (null, "The order gives no dose quantity, so it is not compared.", false);
        }

        if (quantity.System != UcumUnits.System || quantity.Code is null || UcumUnits.Convert(value, quantity.Code, "mg") is not { } mg)
        {
            return (null, $"The ordered dose is in '{quantity.Code ?? quantity.Unit ?? "no unit"}', not a UCUM mass unit, so it is not compared.", false);
        }

        if (mg is <= 0m or > MaxPlausibleMg)
        {
            return (null, Invariant($"The order's dose, {value} {quantity.Code}, is not a plausible amount (more than 0 and at most {MaxPlausibleMg} mg): check the order; it is not compared."), true);
        }

        var repeat = dosage.Timing?.Repeat;
        var oncePerDay = repeat is null
            || (repeat.Frequency is null or 1 && (repeat.Period is null || (repeat.Period == 1 && repeat.PeriodUnit == Timing.UnitsOfTime.D)));
        return oncePerDay
            ? (mg, null, false)
            : (null, "The order is given more than once a day or on another period; its dose is not compared with the daily dose.", false);
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
