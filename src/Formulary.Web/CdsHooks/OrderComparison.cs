using Formulary.Clinical.Regimens;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// An order compared with one computed dose (<see cref="DoseTarget"/>): the amount per dose and per day, the interval, the
/// maxima for this patient and the course, each only where both the order and the target state it. An ordered range agrees
/// only when the whole of it lies within the computed amount (widened by the rounding tolerance): a range that also allows
/// more or less than the computed dose is not an order of that dose. <see cref="Unread"/> holds what could not be compared
/// (the order's own, and a schedule or course the target gives nothing to compare with); an order agrees only when it
/// differs in nothing and nothing was left unread.
/// </summary>
internal sealed record OrderComparison(DoseTarget Target, IReadOnlyList<Difference> Differences, IReadOnlyList<NotCompared> Unread)
{
    public bool Agrees => Differences.Count == 0 && Unread.Count == 0;

    /// <summary>The summary's words for what differs, else for what was not compared.</summary>
    public string What => string.Join(", ", Differences.Count > 0 ? Differences.Select(d => d.What) : Unread.Select(u => u.What));

    /// <param name="ordered">An order that can be compared (<see cref="OrderedAmount.NotCompared"/> null).</param>
    public static OrderComparison Of(OrderedAmount ordered, DoseTarget target)
    {
        var dose = ordered.PerDoseMg ?? throw new ArgumentException("The order has no amount to compare.", nameof(ordered));
        var (differences, unread) = (new List<Difference>(), new List<NotCompared>(ordered.Unread));
        var (name, tolerance) = (target.Name, target.ToleranceMg);
        if (target.PerDoseMg is null && target.PerDayMg is null)
        {
            unread.Add(new("no dose computed", $"{name} gives no dose for this patient, so the order is not compared with it."));
            return new(target, differences, unread);
        }

        if (target.PerDoseMg is { } perDose && !Within(dose, perDose, tolerance))
        {
            differences.Add(new("per dose", Invariant($"Per dose: the order gives {Mg(dose)}, {name} {Mg(perDose)}{Percent(dose, perDose)}.")));
        }

        if (target.PerDayMg is { } perDay && ordered.PerDayMg is { } orderedDay && !Within(orderedDay, perDay, tolerance))
        {
            differences.Add(new("per day", Invariant($"Per day: the order gives {Mg(orderedDay)}, {name} {Mg(perDay)}{Percent(orderedDay, perDay)}.")));
        }
        else if (target.PerDayMg is not null && ordered.PerDayMg is null && target.IntervalHours is null)
        {
            unread.Add(new("less often than daily", Invariant($"The order gives {ordered.Daily}, less often than daily; {name} is per day, so it is not compared: check the schedule.")));
        }

        if (target.IntervalHours is { } every && ordered.IntervalHours is { } orderedEvery && (orderedEvery < every.Min || orderedEvery > every.Max))
        {
            differences.Add(new("interval", Invariant($"Interval: the order gives a dose every {orderedEvery:0.####} hours, {name} every {every} hours.")));
        }

        if (target.MaxPerDoseMg is { } maxDose && dose.Max > maxDose + tolerance)
        {
            differences.Add(new("above the maximum per dose", Invariant($"Above the maximum: the order gives {Mg(dose)} per dose, the most {name} allows is {maxDose:0.####} mg per dose.")));
        }

        if (target.MaxPerDayMg is { } maxDay && ordered.PerDayMg is { } day && day.Max > maxDay + tolerance)
        {
            differences.Add(new("above the maximum per day", Invariant($"Above the maximum: the order gives {Mg(day)} per day, the most {name} allows for this patient is {maxDay:0.####} mg per day.")));
        }

        if (ordered.CourseDays is { } course && target.Days is { } days && course != days)
        {
            differences.Add(new("course", Invariant($"Course: the order gives {ordered.CourseShown} ({course:0.####} days), {name} {days} days.")));
        }
        else if (ordered.CourseDays is null && target.Days is { } regimenDays && ordered.IntervalHours is not null)
        {
            // A regimen of so many days given by an order that repeats and states no end: signed as it is, it runs until someone
            // stops it, past the regimen's last day (the extra day of chemotherapy). Silence on the course is not agreement with it.
            differences.Add(new("course", Invariant($"Course: the order gives {ordered.Daily}{(ordered.OncePerDay ? " once a day" : string.Empty)} and states no end (no timing.repeat.boundsDuration or count), {name} is given on {regimenDays} day{(regimenDays == 1 ? string.Empty : "s")}.")));
        }
        else if (ordered.CourseDays is not null && target.Days is null)
        {
            unread.Add(new("course", $"The order gives a course ({ordered.CourseShown}); {name} states no number of days, so the course is not compared."));
        }

        return new(target, differences, unread);
    }

    /// <summary>
    /// The one order that would agree: the target's single dose (per dose, else per day for an order given once a day) and,
    /// when the interval differs, its single interval; null and why when there is none (a range, a course that differs,
    /// times of day that would have to move) — checked by comparing the corrected order again.
    /// </summary>
    public (decimal Mg, decimal? EveryHours)? Correction(OrderedAmount ordered, out string? why)
    {
        why = null;
        if (Differences.Any(d => d.What == "course"))
        {
            why = "the course differs, and how long to give the drug is changed by hand";
            return null;
        }

        decimal? mg = Target.PerDoseMg is { } perDose ? Single(perDose) : Target.PerDayMg is { } perDay && ordered.OncePerDay ? Single(perDay) : null;
        if (mg is null)
        {
            why = Target.PerDoseMg is null && Target.PerDayMg is { Min: var low, Max: var high } && low == high
                ? "the order is split over the day, and how to split a daily dose is the prescriber's choice"
                : Invariant($"{Target.Name} gives a range ({Ranges()}), and which amount within it is the prescriber's choice");
            return null;
        }

        decimal? every = null;
        if (Differences.Any(d => d.What == "interval"))
        {
            every = Single(Target.IntervalHours!);
            if (every is null || ordered.NamedTimes)
            {
                why = every is null
                    ? Invariant($"{Target.Name} gives a range of intervals (every {Target.IntervalHours} hours), and which one is the prescriber's choice")
                    : "the order names times of day, which would have to move with the interval";
                return null;
            }
        }

        var corrected = ordered with
        {
            PerDoseMg = ValueRange.Of(mg.Value),
            IntervalHours = every ?? ordered.IntervalHours,
            DosesPerDay = every is { } hours ? Math.Round(24m / hours, 4, MidpointRounding.AwayFromZero) : ordered.DosesPerDay,
        };
        if (Of(corrected, Target).Differences.Count > 0)
        {
            why = Invariant($"no single change of dose and interval makes the order agree with {Target.Name}");
            return null;
        }

        return (mg.Value, every);
    }

    private string Ranges() => string.Join(", ", new[] { (Target.PerDoseMg, "per dose"), (Target.PerDayMg, "per day") }
        .Where(r => r.Item1 is not null).Select(r => $"{Mg(r.Item1!)} {r.Item2}"));

    /// <summary>The ordered amount lies wholly within the target widened by the tolerance.</summary>
    private static bool Within(ValueRange ordered, ValueRange target, decimal tolerance) =>
        ordered.Min >= target.Min - tolerance && ordered.Max <= target.Max + tolerance;

    private static decimal? Single(ValueRange range) => range.Min == range.Max ? range.Min : null;

    private static string Mg(ValueRange mg) => OrderedDose.MilligramText(mg);

    /// <summary>" (+34.7%)" when both are single amounts; nothing for a range.</summary>
    private static string Percent(ValueRange ordered, ValueRange target) =>
        ordered.Min == ordered.Max && target.Min == target.Max && target.Min != 0m
            ? Invariant($" ({Math.Round((ordered.Min - target.Min) / target.Min * 100m, 1, MidpointRounding.AwayFromZero):+0.0;-0.0}%)")
            : string.Empty;
}
