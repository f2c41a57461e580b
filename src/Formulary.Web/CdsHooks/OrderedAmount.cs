using Formulary.Clinical.Regimens;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// What an order gives, read from its one dosage: <see cref="PerDoseMg"/> (both ends equal for a <c>doseQuantity</c>; a
/// <c>doseRange</c> gives two), how often (<see cref="DosesPerDay"/>, which is below 1 for a schedule less often than
/// daily, and <see cref="IntervalHours"/>), and for how long when the order says (<see cref="CourseDays"/>). <see cref="Shown"/>
/// is the dose as read, e.g. "52 mg/m2 × 1.06 m² = 55.12 mg" (<see cref="PerArea"/> when it was per m²). When the order
/// cannot be compared at all, the amounts are null and <see cref="NotCompared"/> says what (short, for a summary) and why;
/// <see cref="Implausible"/> when the amount cannot be a dose. <see cref="Unread"/> lists parts of an order that is compared
/// otherwise (as needed, a maximum per period): the order is then never said to agree.
/// </summary>
internal sealed record OrderedAmount
{
    public ValueRange? PerDoseMg { get; init; }
    public decimal? DosesPerDay { get; init; }
    public decimal? IntervalHours { get; init; }

    /// <summary>"every 36 h", "2 times every 1 d": the order's schedule in words, for a schedule less often than daily.</summary>
    public string? Schedule { get; init; }

    /// <summary>The timing names times of day (<c>when</c>, <c>timeOfDay</c>): a corrected interval would have to move them.</summary>
    public bool NamedTimes { get; init; }

    public decimal? CourseDays { get; init; }

    /// <summary>"for 14 d", "10 doses": the course as the order gives it.</summary>
    public string? CourseShown { get; init; }

    public string? Shown { get; init; }
    public bool PerArea { get; init; }
    public bool Implausible { get; init; }
    public NotCompared? NotCompared { get; init; }
    public IReadOnlyList<NotCompared> Unread { get; init; } = [];

    /// <summary>The amount a day, for an order given at least once a day.</summary>
    public ValueRange? PerDayMg => PerDoseMg is { } dose && DosesPerDay is >= 1m and { } times ? dose.Times(times) : null;

    public bool OncePerDay => DosesPerDay == 1m;

    /// <summary>
    /// The dose and how often, as read: "55.1 mg" once a day, "27.55 mg 2 times a day (55.1 mg per day)", "350 mg every 36 h".
    /// </summary>
    public string? Daily =>
        Shown is null || DosesPerDay is not { } times ? Shown
        : times < 1m ? Invariant($"{Shown} {Schedule}")
        : times == 1m ? (PerArea ? Shown : OrderedDose.MilligramText(PerDoseMg!))
        : Invariant($"{Shown} {times:0.####} times a day ({OrderedDose.MilligramText(PerDayMg!)} per day)");
}
