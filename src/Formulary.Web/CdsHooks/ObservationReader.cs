using Hl7.Fhir.Model;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// Reads one Observation as a patient value, or says why it cannot be used: a status other than final,
/// amended or corrected; a code that is not the kind asked for (a weight-for-length percentile, LOINC
/// 77606-2, is not a body weight); no Quantity value, a comparator (&lt; 5), a unit that is not UCUM or
/// that UCUM cannot convert to the kind's units, or a unit text that names another unit than the code (66 'lb' coded
/// kg: which was meant cannot be told); no full measurement date; a date after today, a time after now, or a date more
/// than the kind's limit before today. Nothing here is a clinical range: the engine checks plausibility.
/// </summary>
internal static class ObservationReader
{
    public const string LoincSystem = "http://loinc.org";

    /// <summary>The statuses of a result that may be used: final, amended, corrected.</summary>
    private static readonly IReadOnlySet<ObservationStatus> Usable = new HashSet<ObservationStatus> { ObservationStatus.Final, ObservationStatus.Amended, ObservationStatus.Corrected };

    /// <summary>"The {what} Observation 'id'", for the sentences about one Observation.</summary>
    public static string Named(Observation observation, string what) =>
        Invariant($"The {what} Observation{(observation.Id is { } id ? $" '{id}'" : string.Empty)}");

    /// <summary>Why an Observation's status keeps it from being used as a result (<paramref name="name"/> from <see cref="Named"/>), or null.</summary>
    public static string? StatusProblem(Observation observation, string name) =>
        observation.Status is { } status && Usable.Contains(status)
            ? null
            : $"{name} has status '{(observation.Status is { } s ? Hl7.Fhir.Utility.EnumUtility.GetLiteral(s) : "none")}'; only a final, amended or corrected result is used.";

    /// <summary>
    /// How far after the server's clock a measurement time may be and still be read as now: clocks of an EHR and of this
    /// server differ by seconds to minutes, and a weight entered a moment ago must not be refused for it.
    /// </summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static (ObservedValue? Value, string? Problem) Read(Observation observation, ObservationKind kind, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(kind);
        var name = Named(observation, kind.Name);
        if (StatusProblem(observation, name) is { } problem)
        {
            return Fail(problem);
        }

        var loinc = observation.Code?.Coding.Where(c => c.System == LoincSystem && c.Code is not null).ToList() ?? [];
        if (!loinc.Any(c => kind.Loinc.Contains(c.Code)))
        {
            var sent = loinc.Count == 0 ? "no LOINC code" : string.Join(", ", loinc.Select(c => $"LOINC {c.Code}{(c.Display is { } d ? $" ({d})" : string.Empty)}"));
            return Fail($"{name} has {sent}; only LOINC {string.Join(" or ", kind.Loinc)} is read as a {kind.Name}.");
        }

        if (observation.Value is not Quantity quantity || quantity.Value is not { } value)
        {
            return Fail($"{name} has no numeric value{(observation.DataAbsentReason?.Text is { } why ? $" ({why})" : string.Empty)}.");
        }

        if (quantity.Comparator is not null)
        {
            return Fail($"{name} is not an exact value ({UcumUnits.Inexact(quantity)}); an exact measurement is needed.");
        }

        if (!UcumUnits.IsCoded(quantity))
        {
            return Fail($"{name} {UcumUnits.Uncoded(quantity)}, so the value is not used.");
        }

        if (UnitText.Mismatch(quantity) is { } mismatch)
        {
            return Fail($"{name} {mismatch}; which was meant cannot be told, so the value is not used: correct the record.");
        }

        var code = quantity.Code!;
        var converted = kind.TargetUnits.Select(unit => (Unit: unit, Value: UcumUnits.Convert(value, code, unit))).FirstOrDefault(c => c.Value is not null);
        if (converted.Value is not { } number)
        {
            return Fail($"{name} is in '{code}', which UCUM cannot convert to {string.Join(" or ", kind.TargetUnits)}; the value is not used.");
        }

        if (MeasuredOn(observation) is not { } day)
        {
            return Fail($"{name} has no full measurement date (effectiveDateTime, effectivePeriod or effectiveInstant to the day); how old it is cannot be told.");
        }

        if (After(observation, now) is { } future)
        {
            return Fail($"{name} is dated {future}.");
        }

        var today = Today(now);
        var age = today.DayNumber - day.DayNumber;
        if (kind.MaxAgeDays is { } limit && age > limit)
        {
            return Fail(Invariant($"{name} was measured on {day:yyyy-MM-dd}, {age} days ago; a dose needs one measured within {limit} days of day 1: measure it again."));
        }

        return (new ObservedValue(number, converted.Unit, value, code, day), null);
    }

    /// <summary>The day of <paramref name="now"/> in UTC: "today" for every date check of a call.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

    /// <summary>
    /// Whether the Observation is dated after <paramref name="now"/>, said as "2026-12-02T23:59:00Z, after now (…)": a
    /// date alone when its day is after today (UTC), a date-time when its instant is more than <see cref="ClockSkew"/>
    /// after now or its day as written is after today. Null when not after now, or when it has no full date.
    /// </summary>
    public static string? After(Observation observation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var text = EffectiveText(observation);
        var today = Today(now);
        if (DayOf(text) is { } day && day > today)
        {
            return Invariant($"{text}, after today ({today:yyyy-MM-dd})");
        }

        return Instant(text) is { } instant && instant > now + ClockSkew
            ? Invariant($"{text}, after now ({now.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'})")
            : null;
    }

    /// <summary>The day the value describes: the effective date (the start of a period), to the day; null when partial or absent.</summary>
    public static DateOnly? MeasuredOn(Observation observation) => DayOf(EffectiveText(observation));

    private static DateOnly? DayOf(string text) =>
        text.Length >= 10 && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? day
            : null;

    /// <summary>
    /// Which of two Observations was measured later (positive: <paramref name="a"/>): by instant when both carry a time
    /// (FHIR requires its offset; "10:00+09:00" is before "05:00Z"), else by day. A date alone and a date-time on the
    /// same day cannot be ordered (the date says nothing of the hour): zero, as when nothing tells them apart, so the
    /// caller treats them as measured together.
    /// </summary>
    public static int CompareMeasured(Observation a, Observation b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (textA, textB) = (EffectiveText(a), EffectiveText(b));
        if (Instant(textA) is { } instantA && Instant(textB) is { } instantB)
        {
            return instantA.CompareTo(instantB);
        }

        return Nullable.Compare(DayOf(textA), DayOf(textB));
    }

    private static DateTimeOffset? Instant(string text) =>
        text.Length > 10 && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : null;

    /// <summary>The effective time as written (a period's start, else its end), for ordering results of the same day.</summary>
    public static string EffectiveText(Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        return observation.Effective switch
        {
            FhirDateTime dateTime => dateTime.Value,
            Period period => period.Start ?? period.End,
            Instant instant => instant.Value?.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        } ?? string.Empty;
    }

    private static (ObservedValue? Value, string? Problem) Fail(string problem) => (null, problem);
}
