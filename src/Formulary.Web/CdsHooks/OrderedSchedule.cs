using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// How often and for how long an order gives its dose, from its dosage's <c>timing</c>: <c>repeat.frequency</c> per
/// <c>period</c> <c>periodUnit</c> (s to weeks), <c>when</c>/<c>timeOfDay</c> counted when no frequency is given, a
/// single dose (<c>count</c> 1 and nothing else), and the course (<c>count</c>/<c>countMax</c>, <c>boundsDuration</c>).
/// What it cannot read is never guessed: no timing, a timing by code or by dates only, a frequency or period range, days
/// of the week, times of day that disagree with the frequency, a period in months or years or one that cannot be meant
/// make the whole schedule not compared; a course given by dates or a range, <c>asNeeded</c> and the order's own maxima
/// are listed as parts not compared.
/// </summary>
internal static class OrderedSchedule
{
    /// <summary>The schedule read into <paramref name="amount"/> (doses a day, interval, course, parts not read), or the amount not compared and why.</summary>
    public static OrderedAmount Read(Dosage dosage, OrderedAmount amount)
    {
        var timing = dosage.Timing;
        var repeat = timing?.Repeat;
        if (Unreadable(timing) is { } why)
        {
            return amount with { NotCompared = why };
        }

        var (perDay, interval, schedule, notRead) = Frequency(repeat!);
        if (notRead is not null)
        {
            return amount with { NotCompared = notRead };
        }

        var unread = new List<NotCompared>();
        var (courseDays, courseShown) = Course(repeat!, perDay!.Value, unread);
        if (dosage.AsNeeded is FhirBoolean { Value: true } or CodeableConcept)
        {
            unread.Add(new("as needed", "The order is as needed (asNeeded): how many doses will be given cannot be told, so the schedule is not compared; the most it allows is what is compared."));
        }

        if (dosage.MaxDosePerPeriod is not null || dosage.MaxDosePerAdministration is not null || dosage.MaxDosePerLifetime is not null)
        {
            unread.Add(new("the order's own maximum", "The order states its own maximum dose (maxDosePerPeriod, maxDosePerAdministration or maxDosePerLifetime), which is not compared with the monograph's maxima: check it."));
        }

        return amount with { DosesPerDay = perDay, IntervalHours = interval, Schedule = schedule, NamedTimes = repeat!.WhenElement.Count + repeat.TimeOfDayElement.Count > 0, CourseDays = courseDays, CourseShown = courseShown, Unread = unread };
    }

    /// <summary>Why a timing cannot be read at all, or null when its <c>repeat</c> can be.</summary>
    private static NotCompared? Unreadable(Timing? timing)
    {
        var repeat = timing?.Repeat;
        var times = repeat is null ? 0 : repeat.WhenElement.Count + repeat.TimeOfDayElement.Count;
        return timing switch
        {
            null => new("no timing", "The order gives no timing, so how often the dose is given cannot be told; it is not compared."),
            { EventElement.Count: > 0 } => new("timing by dates", "The order's timing lists dates and times (timing.event), which are not read, so how often the dose is given cannot be told; it is not compared."),
            { Repeat: null } => new("timing by code only", "The order's timing is given by a code only, without timing.repeat, so how often it is given cannot be told; it is not compared."),
            _ when repeat!.FrequencyMax is not null || repeat.PeriodMax is not null => new("frequency range", "The order gives its frequency or period as a range, so the daily amount cannot be told; it is not compared."),
            _ when repeat.DayOfWeekElement.Count > 0 => new("days of the week", "The order's timing names days of the week (dayOfWeek), which are not read, so how often the dose is given cannot be told; it is not compared."),
            _ when repeat.Frequency is { } frequency && times > 0 && times != frequency => new("times of day", Invariant($"The order gives {frequency} dose(s) per period but names {times} times of day (when, timeOfDay), so how often it is given cannot be told; it is not compared.")),
            _ => null,
        };
    }

    /// <summary>Doses a day, the interval in hours and the schedule in words; or why not.</summary>
    private static (decimal? PerDay, decimal? IntervalHours, string? Schedule, NotCompared? Why) Frequency(Timing.RepeatComponent repeat)
    {
        if (repeat.Frequency is null && repeat.Period is null && repeat.WhenElement.Count + repeat.TimeOfDayElement.Count == 0 && repeat is { Count: 1, CountMax: null })
        {
            return (1m, null, "once (a single dose)", null);
        }

        var frequency = repeat.Frequency ?? Math.Max(1, repeat.WhenElement.Count + repeat.TimeOfDayElement.Count);
        if (frequency < 1 || repeat.Period is <= 0m or > 1_000m)
        {
            return Not("implausible timing", "The order's frequency or period is not a plausible number (frequency at least 1, period above 0 and at most 1000), so the daily amount cannot be told; it is not compared.");
        }

        if (repeat.Period is not { } period)
        {
            return Not("no period", "The order gives no period for its frequency (timing.repeat.period), so how often it is given cannot be told; it is not compared.");
        }

        var hours = repeat.PeriodUnit switch
        {
            Timing.UnitsOfTime.S => period / 3_600m,
            Timing.UnitsOfTime.Min => period / 60m,
            Timing.UnitsOfTime.H => period,
            Timing.UnitsOfTime.D => period * 24m,
            Timing.UnitsOfTime.Wk => period * 168m,
            _ => (decimal?)null,
        };
        if (hours is not > 0m)
        {
            return Not("period unit", "The order's period has no unit of seconds to weeks (a month or a year has no fixed length), so the daily amount cannot be told; it is not compared.");
        }

        var perDay = frequency * 24m / hours.Value;
        if (perDay > 1_000m)
        {
            return Not("implausible timing", "The order's timing gives more than 1000 doses a day, which cannot be meant; it is not compared.");
        }

        var unit = EnumUtility.GetLiteral(repeat.PeriodUnit);
        var schedule = frequency == 1 ? Invariant($"every {period:0.####} {unit}") : Invariant($"{frequency} times every {period:0.####} {unit}");
        return (Round(perDay), Round(hours.Value / frequency), schedule, null);
    }

    /// <summary>The course in days (the shorter when both a count and a duration are given: the order ends at the first), and as written.</summary>
    private static (decimal? Days, string? Shown) Course(Timing.RepeatComponent repeat, decimal perDay, List<NotCompared> unread)
    {
        var lengths = new List<(decimal Days, string Shown)>();
        if ((repeat.CountMax ?? repeat.Count) is { } count)
        {
            lengths.Add((Round(count / perDay), count == 1 ? "1 dose" : Invariant($"{count} doses")));
        }

        switch (repeat.Bounds)
        {
            case Duration { Value: { } value } duration when UcumUnits.IsCoded(duration) && duration.Comparator is null && UcumUnits.Convert(value, duration.Code!, "d") is { } days and > 0m:
                lengths.Add((days, Invariant($"for {value:0.####} {duration.Code}")));
                break;
            case null:
                break;
            default:
                unread.Add(new("course", Invariant($"The order's course (timing.repeat.bounds, a {repeat.Bounds.TypeName}) is not read as a number of days, so the length of the course is not compared.")));
                break;
        }

        return lengths.Count == 0 ? (null, null) : (lengths.Min(l => l.Days), string.Join(" and ", lengths.Select(l => l.Shown)));
    }

    private static (decimal?, decimal?, string?, NotCompared?) Not(string what, string why) => (null, null, null, new(what, why));

    private static decimal Round(decimal value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);
}
