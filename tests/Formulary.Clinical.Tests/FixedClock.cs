namespace Formulary.Clinical.Tests;

/// <summary>A clock stopped at a known instant, so answers that default to "today" are reproducible.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static FixedClock OnFirstOfMarch2026 { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
