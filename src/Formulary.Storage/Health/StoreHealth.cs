namespace Formulary.Storage.Health;

/// <summary>
/// What a readiness probe learns from the store: fit to serve, or why not. <see cref="Lasting"/>
/// marks a failure that will not mend by itself (the integrity check found corruption), as opposed
/// to one the next probe may not see (unreachable, empty, still opening). <see cref="Problem"/> is said to
/// whoever asks (a probe's answer is public); <see cref="Detail"/> — where the store is, what the database
/// driver said — is for the operator's log only, so no answer names a server path or a database host.
/// </summary>
public sealed record StoreHealth(bool Ready, string? Problem, bool Lasting = false)
{
    public static StoreHealth Healthy { get; } = new(true, null);

    /// <summary>For the log: <see cref="Problem"/> with where and what the driver said (null: nothing more to say).</summary>
    public string? Detail { get; init; }

    public static StoreHealth Failed(string problem, bool lasting = false, string? detail = null) => new(false, problem, lasting) { Detail = detail };
}
