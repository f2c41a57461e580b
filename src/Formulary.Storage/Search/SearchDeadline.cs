namespace Formulary.Storage.Search;

/// <summary>
/// When a search must have answered: its budget counted from the request's arrival
/// (<see cref="SearchRequest.Arrived"/>) or, without one, from the call, on the store's
/// <see cref="TimeProvider"/> (so a test can hold a search slot and move time on).
/// </summary>
internal readonly record struct SearchDeadline(TimeProvider Time, long Timestamp)
{
    public static SearchDeadline For(SearchRequest request, TimeSpan budget, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(time);
        var start = request.Arrived ?? time.GetTimestamp();
        return new(time, start + (long)(budget.TotalSeconds * time.TimestampFrequency));
    }

    public static SearchDeadline After(TimeSpan budget, TimeProvider time) => For(new SearchRequest(string.Empty), budget, time);

    public TimeSpan Remaining => Time.GetElapsedTime(Time.GetTimestamp(), Timestamp);

    public bool IsSpent => Time.GetTimestamp() >= Timestamp;

    /// <summary>How long a statement may still be started: <see cref="Remaining"/> less <see cref="SearchLimits.StartReserve"/>.</summary>
    public TimeSpan LeftToStart => Remaining - SearchLimits.StartReserve;

    /// <summary>How long the caller may still wait for the answer: <see cref="Remaining"/> plus <see cref="SearchLimits.AnswerGrace"/>, never negative.</summary>
    public TimeSpan LeftToAnswer => TimeSpan.FromTicks(Math.Max(0, (Remaining + SearchLimits.AnswerGrace).Ticks));

    /// <summary>Before each statement of a search: too late to start one is a time-out (<see cref="SearchLimits.StartReserve"/>).</summary>
    public void ThrowIfTooLateToStart()
    {
        if (LeftToStart <= TimeSpan.Zero)
        {
            throw new SearchTimedOutException();
        }
    }

    /// <summary>Before work no database can interrupt (building a hit's snippet): a spent budget is a time-out.</summary>
    public void ThrowIfSpent()
    {
        if (IsSpent)
        {
            throw new SearchTimedOutException();
        }
    }
}
