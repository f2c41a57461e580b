namespace Formulary.Monographs.Tests.Rules;

/// <summary>A clock stopped at a known instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
