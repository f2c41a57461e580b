using System.Data.Common;
using Formulary.Storage.Search;

namespace Formulary.Storage.Relational;

/// <summary>
/// The name vocabulary of "did you mean" (<see cref="StoreNameTerms"/>), loaded once per store generation
/// on a connection of its own and shared by every search that needs it meanwhile. A search waits for
/// it only as long as its budget lasts: when the budget ends first, that search answers "timed out",
/// but the load goes on and serves the next ones (a load interrupted with every over-budget search
/// would leave a busy server without corrections for good).
/// </summary>
internal sealed class NameVocabularyCache(Func<CancellationToken, Task<DbConnection>> open)
{
    private readonly Lock gate = new();
    private (long Generation, Task<NameVocabulary> Words)? cached;

    public async Task<NameVocabulary> GetAsync(DbConnection connection, SearchDeadline deadline, CancellationToken cancellationToken)
    {
        var generation = await StoreReads.GenerationAsync(connection, cancellationToken);
        Task<NameVocabulary> words;
        lock (gate)
        {
            if (cached is { } hit && hit.Generation == generation && !hit.Words.IsFaulted)
            {
                words = hit.Words;
            }
            else
            {
                words = Task.Run(LoadAsync, CancellationToken.None);
                cached = (generation, words);
            }
        }

        var left = deadline.Remaining;
        try
        {
            return await words.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, deadline.Time, cancellationToken);
        }
        catch (TimeoutException waited)
        {
            throw new SearchTimedOutException(waited);
        }
    }

    private async Task<NameVocabulary> LoadAsync()
    {
        await using var connection = await open(CancellationToken.None);
        return await StoreNameTerms.ReadAsync(connection, CancellationToken.None);
    }
}
