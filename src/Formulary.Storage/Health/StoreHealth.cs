namespace Formulary.Storage.Health;

/// <summary>
/// What a readiness probe learns from the store: fit to serve, or why not. <see cref="Lasting"/>
/// marks a failure that will not mend by itself (the integrity check found corruption), as opposed
/// to one the next probe may not see (unreachable, empty, still opening).
/// </summary>
public sealed record StoreHealth(bool Ready, string? Problem, bool Lasting = false)
{
    public static StoreHealth Healthy { get; } = new(true, null);

    public static StoreHealth Failed(string problem, bool lasting = false) => new(false, problem, lasting);
}
