namespace Formulary.Clinical.Patients;

/// <summary>
/// When values were measured. A measurement dated after day 1 is refused (it cannot have been used
/// to prescribe the cycle). Under 20 years a patient is still growing: a height more than a year
/// apart from the weight is refused ("measure again"), and so is an adult's when the older of the two
/// was measured before 20; when one of the two has no date, the other is compared with day 1, the day
/// the missing one is taken to describe.
/// </summary>
internal static class MeasurementDates
{
    /// <summary>Under this age a patient may still be growing (CDC charts run to 20 years).</summary>
    public const decimal GrowingUntilYears = 20m;

    /// <summary>Largest gap, in days, between the height and the weight of a growing patient.</summary>
    public const int MaximumGapDays = 365;

    public static void Check(PatientInput input, decimal? ageYears, DateOnly start, ReadErrors errors)
    {
        var weighed = input.Weight?.MeasuredOn;
        var measured = input.Height?.MeasuredOn;
        foreach (var (dateField, date) in new[] { (PatientField.WeightDate, weighed), (PatientField.HeightDate, measured), (PatientField.CreatinineDate, input.Creatinine?.MeasuredOn) })
        {
            if (date is { } d && d > start)
            {
                errors.Add(dateField, Invariant($"{d:yyyy-MM-dd} is after day 1 of the cycle ({start:yyyy-MM-dd}); a dose is prescribed from values measured on or before day 1"));
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
