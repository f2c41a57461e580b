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
}
