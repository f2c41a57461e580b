using Formulary.Monographs;

namespace Formulary.Storage.Importing;

/// <summary>What an import needs to know about a stored document: its row id, latest version, hash and brand link.</summary>
internal sealed record StoredState(
    long Id, Collection Collection, string Slug, int LatestVersion, bool IsRemoved, string ContentHash, string SourcePath,
    Collection? LinkCollection, string? LinkSlug);
