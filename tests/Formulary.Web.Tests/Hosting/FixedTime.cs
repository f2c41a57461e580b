namespace Formulary.Web.Tests.Hosting;

/// <summary>A clock that always reads <paramref name="now"/>: pages, answers and exports stamped with it compare byte for byte.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
