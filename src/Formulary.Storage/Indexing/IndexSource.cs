using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Formulary.Storage.Relational;

namespace Formulary.Storage.Indexing;

/// <summary>
/// What the index is derived from, read with the same SQL on both stores: every document whose search entry changed
/// after a generation (<c>documents.changed_generation</c>, set by each import's index refresh), with the text the SQL
/// index holds for it. Since -1 reads every document (the first build).
/// </summary>
internal static class IndexSource
{
    private const string DocumentsSql =
        """
        SELECT d.id, d.collection, d.slug, d.title, d.names, d.indications, d.body_text,
               CASE WHEN d.removed_at IS NULL AND d.latest_version > 0 THEN 1 ELSE 0 END
        FROM documents d WHERE d.changed_generation > @since
        """;

    /// <summary>The titles of the live brand pages that link to each changed document: the SQL index adds them to its names.</summary>
    private const string BrandsSql =
        """
        SELECT d.id, b.title FROM documents d
        JOIN documents b ON b.link_collection = d.collection AND b.link_slug = d.slug AND b.removed_at IS NULL
        WHERE d.changed_generation > @since ORDER BY d.id, b.slug
        """;

    private const string KeysSql =
        """
        SELECT n.id, n.key FROM search_names n JOIN documents d ON d.id = n.id
        WHERE d.changed_generation > @since AND n.key <> ''
        """;

    public static async IAsyncEnumerable<IndexedDocument> ReadChangedAsync(
        DbConnection connection, long since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var brands = await GroupAsync(connection, BrandsSql, since, cancellationToken);
        var keys = await GroupAsync(connection, KeysSql, since, cancellationToken);
        await using var command = StoreReads.Command(connection, DocumentsSql, ("since", since));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetInt64(0);
            var names = brands.TryGetValue(id, out var titles) ? reader.GetString(4) + "\n" + string.Join('\n', titles) : reader.GetString(4);
            yield return new IndexedDocument(
                id,
                StoreText.ParseCollection(reader.GetString(1)),
                reader.GetString(2),
                reader.GetString(3),
                names,
                reader.GetString(5),
                reader.GetString(6),
                keys.TryGetValue(id, out var found) ? found : [],
                Convert.ToInt32(reader.GetValue(7), CultureInfo.InvariantCulture) == 1);
        }
    }

    private static async Task<Dictionary<long, List<string>>> GroupAsync(DbConnection connection, string sql, long since, CancellationToken cancellationToken)
    {
        var groups = new Dictionary<long, List<string>>();
        await using var command = StoreReads.Command(connection, sql, ("since", since));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetInt64(0);
            if (!groups.TryGetValue(id, out var values))
            {
                groups[id] = values = [];
            }

            values.Add(reader.GetString(1));
        }

        return groups;
    }
}
