namespace Formulary.Clinical.Patients;

/// <summary>
/// When values were measured. A measurement dated after day 1 is refused (it cannot have been used
/// to prescribe the cycle). Under 20 years a patient is still growing: a height more than a year
/// apart from the weight is refused ("measure again"); when one of the two has no date, the other
/// is compared with day 1, the day the missing one is taken to describe.
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

        if (ageYears is not < GrowingUntilYears || (weighed is null && measured is null))
        {
            return;
        }

        var (heightDay, weightDay) = (measured ?? start, weighed ?? start);
        var gap = Math.Abs(weightDay.DayNumber - heightDay.DayNumber);
        if (gap <= MaximumGapDays)
        {
            return;
        }

        var (field, older, against) = heightDay < weightDay
            ? (PatientField.HeightDate, "height", weighed is null ? "day 1 (the weight has no date, so it is taken as of day 1)" : "the weight")
            : (PatientField.WeightDate, "weight", measured is null ? "day 1 (the height has no date, so it is taken as of day 1)" : "the height");
        errors.Add(field, Invariant($"the {older} was measured {gap} days before {against}; a patient under {GrowingUntilYears} years is still growing: measure the {older} again (at most {MaximumGapDays} days apart)"));
    }
}
