namespace Formulary.Storage.Publishing;

/// <summary>
/// <see cref="Prune"/>: the folder is the whole content set, so stored documents missing from it are
/// marked removed; refused by <see cref="PruneGuard"/> unless <see cref="Force"/>. <see cref="Rehash"/>: every file is
/// read and hashed, whatever the stamps recorded for it say (a file system whose clock or times cannot be trusted).
/// </summary>
public sealed record PublishOptions(bool Prune = false, bool Force = false, bool Rehash = false)
{
    public static PublishOptions Incremental { get; } = new();

    /// <summary>
    /// A file is known to have just been saved (a watcher's event): the import does not first read the stored heads to try
    /// to confirm the folder unchanged (<see cref="PublishReport.Confirmed"/>), which would cost it that read for nothing.
    /// </summary>
    public bool AfterSave { get; init; }
}
