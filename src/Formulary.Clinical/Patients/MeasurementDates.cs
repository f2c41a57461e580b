namespace Formulary.Clinical.Patients;

/// <summary>
/// When values were measured. A measurement dated after day 1 is refused (it cannot have been used
/// to prescribe the cycle), and so is a weight or serum creatinine dated more than <see cref="MaximumAgeDays"/>
/// before it (a creatinine from when a 10-year-old was an infant decided the renal rules unseen). Under 20 years a patient is still growing: a height more than a year
/// apart from the weight is refused ("measure again"), and so is an adult's when the older of the two
/// was measured before 20; when one of the two has no date, the other is compared with day 1, the day
/// the missing one is taken to describe.
/// </summary>
public static class MeasurementDates
{
    /// <summary>Under this age a patient may still be growing (CDC charts run to 20 years).</summary>
    public const decimal GrowingUntilYears = 20m;

    /// <summary>Largest gap, in days, between the height and the weight of a growing patient.</summary>
    public const int MaximumGapDays = 365;

    /// <summary>
    /// Oldest a weight or serum creatinine may be on day 1, in days. Formulary's choice, not a monograph's (they are
    /// silent): each cycle is dosed from current values; the CDS Hooks service applies the same limit to an EHR's
    /// Observations (ADR 0012 decision 5). A height has none: it is checked against the weight below.
    /// </summary>
    public const int MaximumAgeDays = 30;

    internal static void Check(PatientInput input, decimal? ageYears, DateOnly start, ReadErrors errors)
    {
        var weighed = input.Weight?.MeasuredOn;
        var measured = input.Height?.MeasuredOn;
        foreach (var (dateField, date, what) in new[] { (PatientField.WeightDate, weighed, "weight"), (PatientField.HeightDate, measured, null), (PatientField.CreatinineDate, input.Creatinine?.MeasuredOn, "serum creatinine") })
        {
            if (date is { } d && d > start)
            {
                errors.Add(dateField, Invariant($"{d:yyyy-MM-dd} is after day 1 of the cycle ({start:yyyy-MM-dd}); a dose is prescribed from values measured on or before day 1"));
            }
            else if (date is { } old && what is not null && start.DayNumber - old.DayNumber > MaximumAgeDays)
            {
                errors.Add(dateField, Invariant($"the {what} was measured on {old:yyyy-MM-dd}, {start.DayNumber - old.DayNumber} days before day 1 of the cycle ({start:yyyy-MM-dd}); a dose needs one measured within {MaximumAgeDays} days of day 1: measure it again"));
            }
        }

        if (ageYears is not { } age || (weighed is null && measured is null))
        {
            return;
        }

        var (heightDay, weightDay) = (measured ?? start, weighed ?? start);
        var gap = Math.Abs(weightDay.DayNumber - heightDay.DayNumber);
        if (gap <= MaximumGapDays)
        {
            return;
        }

        // An adult's older value still counts when it was measured while the patient was growing (a 25-year-old's height from age 15).
        var olderDay = heightDay < weightDay ? heightDay : weightDay;
        var ageThen = age - ((start.DayNumber - olderDay.DayNumber) / DaysPerYear);
        if (age >= GrowingUntilYears && ageThen >= GrowingUntilYears)
        {
            return;
        }

        var (field, older, against) = heightDay < weightDay
            ? (PatientField.HeightDate, "height", weighed is null ? "day 1 (the weight has no date, so it is taken as of day 1)" : "the weight")
            : (PatientField.WeightDate, "weight", measured is null ? "day 1 (the height has no date, so it is taken as of day 1)" : "the height");
        var growing = age < GrowingUntilYears
            ? Invariant($"a patient under {GrowingUntilYears} years is still growing")
            : Invariant($"it was measured at about {Math.Max(0m, ageThen):0.#} years, while the patient was still growing");
        errors.Add(field, Invariant($"the {older} was measured {gap} days before {against}; {growing}: measure the {older} again (at most {MaximumGapDays} days apart)"));
    }

    /// <summary>The mean calendar year, for the age at which an older measurement was taken.</summary>
    private const decimal DaysPerYear = 365.25m;
}
