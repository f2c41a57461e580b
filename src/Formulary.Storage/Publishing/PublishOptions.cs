namespace Formulary.Storage.Publishing;

/// <summary>
/// <see cref="Prune"/>: the folder is the whole content set, so stored documents missing from it are
/// marked removed; refused by <see cref="PruneGuard"/> unless <see cref="Force"/>. <see cref="Rehash"/>: every file is
/// read and hashed, whatever the stamps recorded for it say (a file system whose clock or times cannot be trusted).
/// </summary>
public sealed record PublishOptions(bool Prune = false, bool Force = false, bool Rehash = false)
{
    public static PublishOptions Incremental { get; } = new();
}
