using Hl7.Fhir.Model;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// The dose an order gives per day, in mg, when it can be compared with a daily dose: the first dosage's
/// <c>doseQuantity</c> or <c>doseRange</c> in UCUM mass units, times the doses a day of <c>timing.repeat</c>
/// (<c>frequency</c> per <c>period</c> <c>periodUnit</c>; no timing is read as once). Not compared, and said why:
/// no dose amount, an amount with a comparator, a unit without a UCUM code or one that is not a mass, a unit text that
/// names another unit than the code (flagged: the order disagrees with itself, <see cref="UnitText"/>), a frequency or
/// period given as a range, a timing by code only, a schedule less often than daily (then flagged, as the computed dose
/// is per day). An amount that cannot be a dose (zero, negative, more than <see cref="MaxPlausibleMg"/>) is not compared
/// either, and is flagged so the card warns about the order itself. A <c>rateQuantity</c> is not compared: the infusion time is in the trace.
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
        var dosage = order.DosageInstruction.FirstOrDefault();
        var dose = dosage?.DoseAndRate.Select(d => d.Dose).FirstOrDefault(d => d is not null);
        var (low, high) = dose switch
        {
            Quantity quantity => (quantity, quantity),
            Hl7.Fhir.Model.Range range => (range.Low, range.High),
            _ => (null, null),
        };
        if (low?.Value is null || high?.Value is null)
        {
            return NotCompared(dose is Hl7.Fhir.Model.Range ? "The order's dose range lacks a low or high end, so it is not compared." : "The order gives no dose quantity, so it is not compared.");
        }

        if ((UnitText.Mismatch(low) ?? UnitText.Mismatch(high)) is { } mismatch)
        {
            return new(null, null, null, false, $"The ordered dose {mismatch}; which was meant cannot be told, so it is not compared: correct the order's unit.", true, false);
        }

        var (lowMg, highMg) = (InUnit(low, "mg"), InUnit(high, "mg"));
        decimal? perAreaBsa = null;
        if (lowMg is null || highMg is null)
        {
            if (InUnit(low, "mg/m2") is not { } lowPerM2 || InUnit(high, "mg/m2") is not { } highPerM2)
            {
                return NotCompared(InUnit(low, "mg/kg") is not null && InUnit(high, "mg/kg") is not null
                    ? Invariant($"The ordered dose, {AsOrdered(low, high, low.Value == high.Value)}, is per kg of body weight, and which weight it is meant for (actual, ideal or adjusted) cannot be told from the order, so it is not compared: check the amount it gives against the computed dose.")
                    : WhyNotAMass(lowMg is null ? low : high));
            }

            if (bsaM2 is not { } bsa)
            {
                return NotCompared(Invariant($"The ordered dose, {AsOrdered(low, high, lowPerM2 == highPerM2)}, is per m² of body surface area, and this dose is not computed from one, so it is not compared."));
            }

            (lowMg, highMg, perAreaBsa) = (lowPerM2 * bsa, highPerM2 * bsa, bsa);
        }

        // A BSA is more than 0, so per m² the two ends are equal exactly when they are in mg.
        var shown = AsOrdered(low, high, lowMg == highMg);
        if (perAreaBsa is { } used)
        {
            shown = Invariant($"{shown} × {used:0.00} m² = {MilligramText(lowMg.Value, highMg.Value)}");
        }

        if (lowMg is <= 0m or > MaxPlausibleMg || highMg is <= 0m or > MaxPlausibleMg || lowMg > highMg)
        {
            return new(null, null, shown, false, Invariant($"The order's dose, {shown}, is not a plausible amount (more than 0 and at most {MaxPlausibleMg} mg): check the order; it is not compared."), true, false);
        }

        var (perDay, why) = DosesPerDay(dosage!.Timing);
        if (perDay is not { } times)
        {
            return NotCompared(why!) with { Shown = shown };
        }

        if (times < 1m)
        {
            return new(null, null, shown, false, Invariant($"The order gives {shown} {why}, less often than daily; the computed dose is per day, so it is not compared: check the schedule."), false, true);
        }

        var (dayLow, dayHigh) = (lowMg.Value * times, highMg.Value * times);
        var perArea = perAreaBsa is not null;
        return times == 1m
            ? new(dayLow, dayHigh, perArea ? shown : MilligramText(lowMg.Value, highMg.Value), true, null, false, false, perArea)
            : new(dayLow, dayHigh, Invariant($"{shown} {times:0.####} times a day ({MilligramText(dayLow, dayHigh)} per day)"), false, null, false, false, perArea);
    }

    /// <summary>A copy of the order with the first dosage's dose replaced by <paramref name="milligrams"/> mg.</summary>
    public static MedicationRequest WithDose(MedicationRequest order, decimal milligrams)
    {
        ArgumentNullException.ThrowIfNull(order);
        var corrected = (MedicationRequest)order.DeepCopy();
        var rate = corrected.DosageInstruction[0].DoseAndRate.First(d => d.Dose is not null);
        rate.Dose = new Quantity(milligrams, "mg") { System = UcumUnits.System, Code = "mg", Unit = "mg" };
        return corrected;
    }

    /// <summary>An exact UCUM quantity in <paramref name="target"/> (mg, or mg/m2 for a mass per area); null for any other unit.</summary>
    private static decimal? InUnit(Quantity quantity, string target) =>
        UcumUnits.IsCoded(quantity) && quantity.Comparator is null ? UcumUnits.Convert(quantity.Value!.Value, quantity.Code!, target) : null;

    /// <summary>Why an amount <see cref="InUnit"/> could not read in mg or mg/m2 is not compared: inexact, uncoded, or coded but not a mass.</summary>
    private static string WhyNotAMass(Quantity quantity) =>
        quantity.Comparator is not null ? $"The ordered dose is not an exact amount ({UcumUnits.Inexact(quantity)}), so it is not compared."
        : !UcumUnits.IsCoded(quantity) ? $"The ordered dose {UcumUnits.Uncoded(quantity)}, so it is not compared."
        : $"The ordered dose is in '{quantity.Code}', not a UCUM mass unit or mass per m², so it is not compared.";

    /// <summary>The dose as the order writes it: one amount, or a range's two ends, in the order's unit.</summary>
    private static string AsOrdered(Quantity low, Quantity high, bool single) =>
        single ? Invariant($"{low.Value:0.####} {low.Code}") : Invariant($"{low.Value:0.####}–{high.Value:0.####} {high.Code}");

    /// <summary>"55.1 mg", or "50–60 mg" for a range.</summary>
    private static string MilligramText(decimal low, decimal high) =>
        low == high ? Invariant($"{low:0.####} mg") : Invariant($"{low:0.####}–{high:0.####} mg");

    /// <summary>Doses a day from <c>timing.repeat</c>; null and why when it cannot be told, or the period in words when less than daily.</summary>
    private static (decimal? PerDay, string? Why) DosesPerDay(Timing? timing)
    {
        var repeat = timing?.Repeat;
        if (repeat is null)
        {
            return timing?.Code is null ? (1m, null) : (null, "The order's timing is given by a code only, without timing.repeat, so how often it is given cannot be told; it is not compared.");
        }

        if (repeat.FrequencyMax is not null || repeat.PeriodMax is not null)
        {
            return (null, "The order gives its frequency or period as a range, so the daily amount cannot be told; it is not compared.");
        }

        var frequency = repeat.Frequency ?? Math.Max(1, repeat.WhenElement.Count + repeat.TimeOfDayElement.Count);
        if (frequency < 1 || repeat.Period is <= 0m or > 1_000m)
        {
            return (null, "The order's frequency or period is not a plausible number (frequency at least 1, period above 0 and at most 1000), so the daily amount cannot be told; it is not compared.");
        }

        if (repeat.Period is not { } period)
        {
            return frequency == 1 ? (1m, null) : (null, "The order gives a frequency without a period, so the daily amount cannot be told; it is not compared.");
        }

        var days = repeat.PeriodUnit switch
        {
            Timing.UnitsOfTime.S => period / 86_400m,
            Timing.UnitsOfTime.Min => period / 1_440m,
            Timing.UnitsOfTime.H => period / 24m,
            Timing.UnitsOfTime.D => period,
            Timing.UnitsOfTime.Wk => period * 7m,
            _ => (decimal?)null,
        };
        if (days is not > 0m)
        {
            return (null, "The order's period has no unit of seconds to weeks, so the daily amount cannot be told; it is not compared.");
        }

        var perDay = frequency / days.Value;
        if (perDay > 1_000m)
        {
            return (null, "The order's timing gives more than 1000 doses a day, which cannot be meant; it is not compared.");
        }

        return perDay < 1m
            ? (perDay, Invariant($"{frequency} time(s) every {period:0.####} {Hl7.Fhir.Utility.EnumUtility.GetLiteral(repeat.PeriodUnit)}"))
            : (Math.Round(perDay, 4, MidpointRounding.AwayFromZero), null);
    }

    private static OrderedAmount NotCompared(string why) => new(null, null, null, false, why, false, false);
}
