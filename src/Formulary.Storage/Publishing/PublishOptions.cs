namespace Formulary.Storage.Publishing;

/// <summary>
/// <see cref="Prune"/>: the folder is the whole content set, so stored documents missing from it are
/// marked removed; refused by <see cref="PruneGuard"/> unless <see cref="Force"/>.
/// </summary>
public sealed record PublishOptions(bool Prune = false, bool Force = false)
{
    public static PublishOptions Incremental { get; } = new();
}
