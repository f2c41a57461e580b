using Formulary.Monographs;
using Formulary.Storage.Search;

namespace Formulary.Storage.Importing;

/// <summary>
/// Which documents' search entries an import must rebuild: every written or removed document, and
/// the compositions/combinations whose brand list changed because a brand page linking to them
/// (before or after) was written or removed.
/// </summary>
internal sealed class IndexRefresh
{
    private readonly HashSet<long> documentIds = [];
    private readonly HashSet<(Collection Collection, string Slug)> targets = [];

    public IReadOnlyCollection<long> DocumentIds => documentIds;

    public IReadOnlyCollection<(Collection Collection, string Slug)> Targets => targets;

    public void Add(long id, StoredState? previous, SearchDocument? current)
    {
        documentIds.Add(id);
        if (previous is { LinkCollection: { } oldCollection, LinkSlug: { } oldSlug })
        {
            targets.Add((oldCollection, oldSlug));
        }

        if (current is { LinkCollection: { } newCollection, LinkSlug: { } newSlug })
        {
            targets.Add((newCollection, newSlug));
        }
    }
}
