using System.Globalization;
using Formulary.Monographs;
using Formulary.Storage.Relational;
using Formulary.Storage.Search;
using Microsoft.Data.Sqlite;

namespace Formulary.Storage.Sqlite;

/// <summary>
/// A page of FTS5 hits in the ranking's order (<see cref="SearchGroups"/>), paying bm25 only for the
/// groups the page reaches. The full-text rowid carries the collection (<see cref="SqliteSearchIndex.Rowid"/>),
/// so the counts per collection are one pass over the matches with no ranking function and no join,
/// and a group's rows are one rowid range of the same MATCH: bm25 is computed by the same query as
/// before (same phrases, same weights), so scores and order are unchanged; only fewer rows are scored.
/// The tiers are the matches of the names and indications filters (index reads, usually few) and the
/// exact-name rows. The last group (tier 3, the rest) still needs bm25 over all its rows when the page
/// reaches it: that is the case a query of words found only in body text pays. Each statement starts only
/// while <see cref="SearchLimits.StartReserve"/> of the budget is left, and the page's text is read and its
/// snippets built only while the budget lasts (row by row: that work is outside any statement SQLite can interrupt).
/// </summary>
internal static class SqliteRanking
{
    private const string Rank = "bm25(search, 10.0, 8.0, 4.0, 1.0)";

    private const string CountsSql =
        """
        SELECT coalesce(sum(rowid < $stride), 0), coalesce(sum(rowid >= $stride AND rowid < 2 * $stride), 0), coalesce(sum(rowid >= 2 * $stride), 0)
        FROM search WHERE search MATCH $query
        """;

    private const string TiersSql =
        $"""
        SELECT search.rowid, 0 FROM search WHERE search MATCH $query AND search.rowid IN (
            SELECT {SqliteSearchIndex.RowidOfD} FROM search_names n JOIN documents d ON d.id = n.id WHERE n.key = $key)
        UNION ALL SELECT rowid, 1 FROM search WHERE search MATCH $names
        UNION ALL SELECT rowid, 2 FROM search WHERE search MATCH $indicated
        """;

    /// <summary>One group's slice: the collection's rowid range of the query, in or out of the tier rows.</summary>
    private static string GroupSql(bool inTier) =>
        $"""
        SELECT search.rowid, {Rank} AS rank
        FROM search CROSS JOIN documents d INDEXED BY documents_rank ON d.id = search.rowid - $from
        WHERE search MATCH $query AND search.rowid >= $from AND search.rowid < $from + $stride
          AND +search.rowid {(inTier ? "IN" : "NOT IN")} (SELECT value FROM json_each($tier))
        ORDER BY rank, d.slug LIMIT $take OFFSET $skip
        """;

    public static async Task<SearchPage> PageAsync(
        SqliteConnection connection, IReadOnlyList<string> terms, SearchRequest request, SearchDeadline deadline, CancellationToken cancellationToken)
    {
        var match = SearchTerms.ToFts5(terms);
        deadline.ThrowIfTooLateToStart();
        var counts = await CountAsync(connection, match, cancellationToken);
        var collections = request.Collection is { } only ? [only] : SearchGroups.Order;
        var total = collections.Sum(c => counts[SearchGroups.RankOf(c)]);
        var perCollection = SearchGroups.Order.Select(c => new CollectionCount(c, counts[SearchGroups.RankOf(c)])).ToList();
        if (request.Offset >= total)
        {
            return new SearchPage([], total, perCollection);
        }

        deadline.ThrowIfTooLateToStart();
        var tiers = await TiersAsync(connection, terms, match, cancellationToken);
        var groups = new List<(int Tier, Collection Collection, int Size)>();
        for (var tier = 0; tier < SearchGroups.Tiers; tier++)
        {
            foreach (var collection in collections)
            {
                var rank = SearchGroups.RankOf(collection);
                var tiered = tiers.Count(t => SqliteSearchIndex.RankOfRowid(t.Key) == rank && (tier == SearchGroups.Tiers - 1 || t.Value == tier));
                groups.Add((tier, collection, tier == SearchGroups.Tiers - 1 ? counts[rank] - tiered : tiered));
            }
        }

        var ranked = new List<(long Rowid, double Rank)>();
        foreach (var slice in SearchGroups.Slices(groups, request.Offset, request.Limit))
        {
            deadline.ThrowIfTooLateToStart();
            ranked.AddRange(await GroupAsync(connection, match, slice, tiers, cancellationToken));
        }

        var page = ranked.Select(r => (SqliteSearchIndex.IdOfRowid(r.Rowid), -r.Rank)).ToList();
        return new SearchPage(await StoreSearchHits.ReadAsync(connection, page, new TermMatcher(terms), deadline, cancellationToken), total, perCollection);
    }

    private static async Task<int[]> CountAsync(SqliteConnection connection, string match, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = CountsSql;
        command.Parameters.AddWithValue("$query", match);
        command.Parameters.AddWithValue("$stride", SqliteSearchIndex.CollectionStride);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return [reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2)];
    }

    /// <summary>The tier (0 exact name, 1 title or names, 2 indicated) of every match that has one; the rest are tier 3.</summary>
    private static async Task<Dictionary<long, int>> TiersAsync(SqliteConnection connection, IReadOnlyList<string> terms, string match, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = TiersSql;
        command.Parameters.AddWithValue("$query", match);
        command.Parameters.AddWithValue("$names", $"{{title names}} : ({match})");
        command.Parameters.AddWithValue("$indicated", $"{{title names indications}} : ({match})");
        command.Parameters.AddWithValue("$key", NameKey.Key(string.Join(' ', terms)) is { Length: > 0 } key ? key : DBNull.Value);
        var tiers = new Dictionary<long, int>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (rowid, tier) = (reader.GetInt64(0), reader.GetInt32(1));
            tiers[rowid] = Math.Min(tier, tiers.GetValueOrDefault(rowid, tier));
        }

        return tiers;
    }

    private static async Task<List<(long Rowid, double Rank)>> GroupAsync(
        SqliteConnection connection, string match, GroupSlice slice, Dictionary<long, int> tiers, CancellationToken cancellationToken)
    {
        var rank = SearchGroups.RankOf(slice.Collection);
        var last = slice.Tier == SearchGroups.Tiers - 1;
        var rowids = tiers.Where(t => SqliteSearchIndex.RankOfRowid(t.Key) == rank && (last || t.Value == slice.Tier)).Select(t => t.Key.ToString(CultureInfo.InvariantCulture));
        using var command = connection.CreateCommand();
        command.CommandText = GroupSql(inTier: !last);
        command.Parameters.AddWithValue("$query", match);
        command.Parameters.AddWithValue("$from", rank * SqliteSearchIndex.CollectionStride);
        command.Parameters.AddWithValue("$stride", SqliteSearchIndex.CollectionStride);
        command.Parameters.AddWithValue("$tier", "[" + string.Join(',', rowids) + "]");
        command.Parameters.AddWithValue("$take", slice.Take);
        command.Parameters.AddWithValue("$skip", slice.Skip);
        var rows = new List<(long, double)>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetInt64(0), reader.GetDouble(1)));
        }

        return rows;
    }
}
