using Formulary.Clinical.Regimens;
using Hl7.Fhir.Model;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// The dose an order gives, to be compared with a computed dose: the one dosage's one <c>doseQuantity</c> or
/// <c>doseRange</c> in UCUM mass units, and its schedule (<see cref="OrderedSchedule"/>). Not compared, and said why: more
/// than one dosage instruction or dose (which is meant cannot be told), no dose amount, an amount with a comparator, a unit
/// without a UCUM code or one that is not a mass, a unit text that names another unit than the code (flagged: the order
/// disagrees with itself, <see cref="UnitText"/>), and a schedule that cannot be read. An amount that cannot be a dose
/// (zero, negative, more than <see cref="MaxPlausibleMg"/>) is not compared either, and is flagged so the card warns about
/// the order itself. A <c>rateQuantity</c> is not compared: the infusion time is in the trace.
/// A dose per body surface area (UCUM mass per <c>m2</c>: <c>mg/m2</c>, <c>ug/m2</c>, <c>g/m2</c>), as cytotoxic
/// drugs are ordered, is turned into mg with the BSA the answer's dose was computed from, and the text says so; with no
/// such BSA (a dose not computed from one) it is not compared. A dose per kg of body weight is not compared, and the
/// text says why: the order does not say which weight it is meant for (ADR 0012).
/// </summary>
internal static class OrderedDose
{
    /// <summary>One kilogram: no single dose of any drug comes near it, so an order above it is an entry error.</summary>
    public const decimal MaxPlausibleMg = 1_000_000m;

    public static OrderedAmount Read(MedicationRequest order, decimal? bsaM2)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.DosageInstruction.Count > 1)
        {
            return NotCompared("several dosage instructions", Invariant($"The order has {order.DosageInstruction.Count} dosage instructions (a loading and a maintenance dose, or a dose that changes); together they are not one dose, so the order is not compared: check each against the computed dose."));
        }

        var dosage = order.DosageInstruction.FirstOrDefault();
        var doses = dosage?.DoseAndRate.Where(d => d.Dose is not null).Select(d => d.Dose).ToList() ?? [];
        if (doses.Count > 1)
        {
            return NotCompared("several doses", Invariant($"The order's dosage gives {doses.Count} doses (doseAndRate); which one is meant cannot be told, so the order is not compared."));
        }

        var dose = doses.FirstOrDefault();
        var (low, high) = dose switch
        {
            Quantity quantity => (quantity, quantity),
            Hl7.Fhir.Model.Range range => (range.Low, range.High),
            _ => (null, null),
        };
        if (low?.Value is null || high?.Value is null)
        {
            return dose is Hl7.Fhir.Model.Range
                ? NotCompared("dose range without an end", "The order's dose range lacks a low or high end, so it is not compared.")
                : NotCompared("no dose", "The order gives no dose quantity, so it is not compared.");
        }

        if ((UnitText.Mismatch(low) ?? UnitText.Mismatch(high)) is { } mismatch)
        {
            return new OrderedAmount
            {
                Implausible = true,
                NotCompared = new("unit text and code disagree", $"The ordered dose {mismatch}; which was meant cannot be told, so it is not compared: correct the order's unit."),
            };
        }

        var (lowMg, highMg) = (InUnit(low, "mg"), InUnit(high, "mg"));
        decimal? perAreaBsa = null;
        if (lowMg is null || highMg is null)
        {
            if (InUnit(low, "mg/m2") is not { } lowPerM2 || InUnit(high, "mg/m2") is not { } highPerM2)
            {
                return PerKilogram(low) && PerKilogram(high)
                    ? NotCompared("dose per kg", Invariant($"The ordered dose, {AsOrdered(low, high, low.Value == high.Value)}, is per kg of body weight, and which weight it is meant for (actual, ideal or adjusted) cannot be told from the order, so it is not compared: check the amount it gives against the computed dose."))
                    : WhyNotAMass(lowMg is null ? low : high);
            }

            if (bsaM2 is not { } bsa)
            {
                return NotCompared("dose per m²", Invariant($"The ordered dose, {AsOrdered(low, high, lowPerM2 == highPerM2)}, is per m² of body surface area, and this dose is not computed from one, so it is not compared."));
            }

            (lowMg, highMg, perAreaBsa) = (lowPerM2 * bsa, highPerM2 * bsa, bsa);
        }

        // A BSA is more than 0, so per m² the two ends are equal exactly when they are in mg.
        var shown = AsOrdered(low, high, lowMg == highMg);
        if (perAreaBsa is { } used)
        {
            shown = Invariant($"{shown} × {used:0.00} m² = {MilligramText(new ValueRange(lowMg.Value, highMg.Value))}");
        }

        if (lowMg is <= 0m or > MaxPlausibleMg || highMg is <= 0m or > MaxPlausibleMg || lowMg > highMg)
        {
            return new OrderedAmount
            {
                Shown = shown,
                Implausible = true,
                NotCompared = new("not a plausible amount", Invariant($"The order's dose, {shown}, is not a plausible amount (more than 0 and at most {MaxPlausibleMg} mg): check the order; it is not compared.")),
            };
        }

        return OrderedSchedule.Read(dosage!, new OrderedAmount { PerDoseMg = new ValueRange(lowMg.Value, highMg.Value), Shown = shown, PerArea = perAreaBsa is not null });
    }

    /// <summary>
    /// A copy of the order with its dose replaced by <paramref name="milligrams"/> mg and, when <paramref name="everyHours"/> is
    /// given, its schedule by one dose every that many hours (the rest of <c>timing.repeat</c>, a course included, kept).
    /// </summary>
    public static MedicationRequest Corrected(MedicationRequest order, decimal milligrams, decimal? everyHours)
    {
        ArgumentNullException.ThrowIfNull(order);
        var corrected = (MedicationRequest)order.DeepCopy();
        var dosage = corrected.DosageInstruction[0];
        dosage.DoseAndRate.First(d => d.Dose is not null).Dose = new Quantity(milligrams, "mg") { System = UcumUnits.System, Code = "mg", Unit = "mg" };
        if (everyHours is { } hours)
        {
            var repeat = dosage.Timing?.Repeat ?? throw new ArgumentException("An interval is corrected only in an order that gives one.", nameof(order));
            (repeat.Frequency, repeat.Period, repeat.PeriodUnit) = (1, hours, Timing.UnitsOfTime.H);
        }

        return corrected;
    }

    /// <summary>An exact UCUM quantity in <paramref name="target"/> (mg, or mg/m2 for a mass per area); null for any other unit.</summary>
    private static decimal? InUnit(Quantity quantity, string target) =>
        UcumUnits.IsCoded(quantity) && quantity.Comparator is null ? UcumUnits.Convert(quantity.Value!.Value, quantity.Code!, target) : null;

    /// <summary>
    /// A mass per kg of body weight (<c>mg/kg</c>, <c>ug/kg</c>). UCUM reduces a mass per mass to a plain number, as it does
    /// <c>%</c> and <c>ppm</c>, so the code itself must divide by a kg: a dose in % is not a dose per kg.
    /// </summary>
    private static bool PerKilogram(Quantity quantity) =>
        quantity.Code?.EndsWith("/kg", StringComparison.Ordinal) == true && InUnit(quantity, "mg/kg") is not null;

    /// <summary>Why an amount <see cref="InUnit"/> could not read in mg or mg/m2 is not compared: inexact, uncoded, or coded but not a mass.</summary>
    private static OrderedAmount WhyNotAMass(Quantity quantity) =>
        quantity.Comparator is not null ? NotCompared("not an exact amount", $"The ordered dose is not an exact amount ({UcumUnits.Inexact(quantity)}), so it is not compared.")
        : !UcumUnits.IsCoded(quantity) ? NotCompared(Invariant($"unit '{quantity.Unit ?? quantity.Code}' without a UCUM code"), $"The ordered dose {UcumUnits.Uncoded(quantity)}, so it is not compared.")
        : NotCompared($"unit '{quantity.Code}'", $"The ordered dose is in '{quantity.Code}', not a UCUM mass unit or mass per m², so it is not compared.");

    /// <summary>The dose as the order writes it: one amount, or a range's two ends, in the order's unit.</summary>
    private static string AsOrdered(Quantity low, Quantity high, bool single) =>
        single ? Invariant($"{low.Value:0.####} {low.Code}") : Invariant($"{low.Value:0.####}–{high.Value:0.####} {high.Code}");

    /// <summary>"55.1 mg", or "50–60 mg" for a range.</summary>
    public static string MilligramText(ValueRange mg) =>
        mg.Min == mg.Max ? Invariant($"{mg.Min:0.####} mg") : Invariant($"{mg.Min:0.####}–{mg.Max:0.####} mg");

    private static OrderedAmount NotCompared(string what, string why) => new() { NotCompared = new(what, why) };
}
