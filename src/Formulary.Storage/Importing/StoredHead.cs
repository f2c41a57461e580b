using System.Data.Common;
using System.Text.Json;
using Formulary.Monographs;
using Formulary.Monographs.Loading;
using Formulary.Storage.Relational;

namespace Formulary.Storage.Importing;

/// <summary>
/// The little an import needs to know of a stored document before it knows whether anything changed: its head version
/// (the newest, published or rejected) and whether that is rejected, the version readers see (0: never published), whether
/// it is removed, the parser version of its head and the stamp recorded when its files were last read (null: none). An
/// import that finds every listed file vouched for by its stamp, under the listing the store last imported, needs no more
/// (ADR 0003, "Nothing changed"); any other loads the whole <see cref="StoredState"/>.
/// </summary>
public sealed record StoredHead(
    Collection Collection, string Slug, int HeadVersion, bool HeadRejected, int PublishedVersion, bool IsRemoved, int ModelVersion, RecordedStamp? Stamp)
{
    /// <summary>
    /// The same query on both stores: every head in one value, a JSON array of one array per document built by the database
    /// (<see cref="StoreDialect.JsonArrays"/>), read in one pass: a row per document cost more in the provider's calls than
    /// reading its values.
    /// </summary>
    internal static string Sql(StoreDialect dialect) =>
        $"""
        SELECT {dialect.JsonArrays($"d.collection, d.slug, d.head_version, v.rejected, d.latest_version, d.removed_at IS NOT NULL, v.model_version, {StateJson.StampColumns}")}
        FROM {StateJson.Heads(dialect)}
        """;

    internal static async Task<Dictionary<(Collection, string), StoredHead>> LoadAsync(DbCommand command, StoreDialect dialect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.CommandText = Sql(dialect);
        var heads = new Dictionary<(Collection, string), StoredHead>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || await reader.IsDBNullAsync(0, cancellationToken))
        {
            return heads; // no documents: PostgreSQL's json_agg gives null, SQLite's json_group_array []
        }

        var buffer = Array.Empty<byte>();
        var json = new Utf8JsonReader(dialect.Utf8(reader, 0, ref buffer));
        StateJson.Expect(ref json, JsonTokenType.StartArray);
        while (json.Read() && json.TokenType == JsonTokenType.StartArray)
        {
            var head = Read(ref json);
            heads[(head.Collection, head.Slug)] = head;
        }

        if (json.TokenType != JsonTokenType.EndArray)
        {
            throw new InvalidOperationException($"the stored heads are not the array expected ({json.TokenType} where a document's array belongs)");
        }

        return heads;
    }

    /// <summary>One document's array, its start already read.</summary>
    private static StoredHead Read(ref Utf8JsonReader json)
    {
        var head = new StoredHead(
            StateJson.Collection(ref json),
            StateJson.Text(ref json)!,
            (int)StateJson.Int64(ref json),
            StateJson.Flag(ref json),
            (int)StateJson.Int64(ref json),
            StateJson.Flag(ref json),
            (int)StateJson.Int64(ref json),
            StateJson.ReadStamp(ref json));
        StateJson.Expect(ref json, JsonTokenType.EndArray);
        return head;
    }
}
