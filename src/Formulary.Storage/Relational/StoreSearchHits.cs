using System.Data.Common;
using Formulary.Storage.Search;

namespace Formulary.Storage.Relational;

/// <summary>
/// The text of a page of hits, in the order given, for their sections and snippets (<see cref="SearchHit.Read"/>): one
/// indexed read per hit, so the cost is the page's, whatever the number of matches. A document no longer live (removed
/// or unpublished since the ranking was made) is left out.
/// </summary>
internal static class StoreSearchHits
{
    public static async Task<List<SearchHit>> ReadAsync(
        DbConnection connection, IReadOnlyList<(long Id, double Score)> ranked, TermMatcher matcher, SearchDeadline deadline, CancellationToken cancellationToken)
    {
        await using var command = StoreReads.Command(
            connection,
            "SELECT collection, slug, title, names, body_text, sections_json FROM documents WHERE id = @id AND removed_at IS NULL AND latest_version > 0",
            ("id", 0L));
        var hits = new List<SearchHit>(ranked.Count);
        foreach (var (id, score) in ranked)
        {
            command.Parameters[0].Value = id;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                hits.Add(SearchHit.Read(reader, matcher, score, deadline));
            }
        }

        return hits;
    }
}
