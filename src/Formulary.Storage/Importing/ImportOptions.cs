namespace Formulary.Storage.Importing;

/// <summary>
/// <see cref="RemoveMissing"/>: the documents are the whole content set, so a stored document that is
/// not among them was deleted at the source and is marked removed (its history is kept). Leave it
/// false when importing a single file or a part of the content. The store applies it as told; the
/// guard against removing by accident (<see cref="Publishing.PruneGuard"/>) is the publisher's.
/// </summary>
public sealed record ImportOptions(bool RemoveMissing)
{
    /// <summary>
    /// The digest of the content listing the documents came from (<see cref="Monographs.Loading.ContentListing.Digest"/>), recorded
    /// at the commit: the next import of a listing with the same digest whose files all went unchanged need not check the
    /// documents against each other again. Null (documents handed over without a listing): an import that writes anything
    /// forgets the recorded one.
    /// </summary>
    public long? ListingDigest { get; internal init; }

    /// <summary>
    /// Entries of the folder that are there but were not read: a stored document whose file is one of them is reported
    /// failed with its stored version kept, and never removed, with or without <see cref="RemoveMissing"/>.
    /// </summary>
    public UnreadEntries Unread { get; init; } = UnreadEntries.None;

    public static ImportOptions WholeContentSet { get; } = new(RemoveMissing: true);

    public static ImportOptions Partial { get; } = new(RemoveMissing: false);
}
