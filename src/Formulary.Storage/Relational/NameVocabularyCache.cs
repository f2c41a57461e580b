using System.Data.Common;
using Formulary.Storage.Search;

namespace Formulary.Storage.Relational;

/// <summary>
/// The name vocabulary of "did you mean" (<see cref="StoreNameTerms"/>), read once per store generation:
/// one read of a table of words, run under the search's own budget (a search interrupted while reading
/// it caches nothing, and the next one reads it again).
/// </summary>
internal sealed class NameVocabularyCache
{
    private readonly Lock gate = new();
    private (long Generation, NameVocabulary Words)? cached;

    public async Task<NameVocabulary> GetAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var generation = await StoreReads.GenerationAsync(connection, cancellationToken);
        lock (gate)
        {
            if (cached is { } hit && hit.Generation == generation)
            {
                return hit.Words;
            }
        }

        var words = await StoreNameTerms.ReadAsync(connection, cancellationToken);
        lock (gate)
        {
            cached = (generation, words);
        }

        return words;
    }
}
