using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Formulary.Monographs;
using Formulary.Monographs.Loading;
using Formulary.Monographs.Model;
using Formulary.Storage.Relational;

namespace Formulary.Storage.Importing;

/// <summary>
/// What an import needs to know about a stored document. <see cref="HeadVersion"/> is its newest
/// version, published or rejected (hash, parser version and path are that version's);
/// <see cref="PublishedVersion"/> the one readers see (0: never published). <see cref="Links"/> and
/// <see cref="CrossKey"/> let cross-document checks run without parsing unchanged documents, and so does
/// <see cref="Title"/> (the published title; empty when never published). <see cref="Stamp"/>: the stamp of the
/// document's files when bytes with the head version's hash were last read from them (null: none recorded).
/// </summary>
public sealed record StoredState(
    long Id, Collection Collection, string Slug, int PublishedVersion, bool IsRemoved, string ContentHash, string SourcePath,
    Collection? LinkCollection, string? LinkSlug, int ModelVersion,
    int HeadVersion, bool HeadRejected, IReadOnlyList<MonographLink> Links, string CrossKey, string Title)
{
    public RecordedStamp? Stamp { get; init; }

    /// <summary>When the head version was imported, as the provider returned it: parsed only when asked (<see cref="ImportedAt"/>), which an unchanged document never is.</summary>
    internal object StoredImportedAt { get; init; } = DateTimeOffset.UnixEpoch;

    public DateTimeOffset ImportedAt => StoreText.ReadInstant(StoredImportedAt);

    /// <summary>
    /// The same query on both stores, over the tables as <paramref name="dialect"/> names them; <see cref="LoadAsync"/> reads
    /// its rows. Each document's state comes as one JSON array built by the database (<see cref="StoreDialect.JsonArray"/>),
    /// read in one pass: read column by column, its 25 values cost some 60 calls into the provider per row (a type check
    /// and the value, each through a safe handle), which was most of loading 100,000 documents' state.
    /// </summary>
    internal static string Sql(StoreDialect dialect) =>
        $"""
        SELECT {dialect.JsonArray($"d.id, d.collection, d.slug, d.latest_version, d.removed_at IS NOT NULL, v.content_hash, v.source_path, d.link_collection, d.link_slug, v.model_version, d.head_version, v.rejected, {dialect.JsonValue("d.links_json")}, d.cross_key, d.title, {StateJson.StampColumns}")},
            v.imported_at
        FROM {StateJson.Heads(dialect)}
        """;

    private static readonly JsonTypeInfo<List<MonographLink>> LinksJson =
        (JsonTypeInfo<List<MonographLink>>)ModelJson.Options.GetTypeInfo(typeof(List<MonographLink>));

    internal static async Task<Dictionary<(Collection, string), StoredState>> LoadAsync(DbCommand command, StoreDialect dialect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.CommandText = Sql(dialect);
        var rows = new Dictionary<(Collection, string), StoredState>();
        var utf8 = new byte[1024];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var state = Read(dialect.Utf8(reader, 0, ref utf8), reader.GetValue(1));
            rows[(state.Collection, state.Slug)] = state;
        }

        return rows;
    }

    /// <summary>One row of <see cref="Sql"/>: the state's JSON array (booleans as SQLite's 0/1 or PostgreSQL's true/false) and when the head version was imported.</summary>
    private static StoredState Read(ReadOnlySpan<byte> row, object importedAt)
    {
        var json = new Utf8JsonReader(row);
        StateJson.Expect(ref json, JsonTokenType.StartArray);
        var state = new StoredState(
            StateJson.Int64(ref json),
            StateJson.Collection(ref json),
            StateJson.Text(ref json)!,
            (int)StateJson.Int64(ref json),
            StateJson.Flag(ref json),
            StateJson.Text(ref json)!,
            StateJson.Text(ref json)!,
            StateJson.Text(ref json) is { } linkCollection ? StoreText.ParseCollection(linkCollection) : null,
            StateJson.Text(ref json),
            (int)StateJson.Int64(ref json),
            (int)StateJson.Int64(ref json),
            StateJson.Flag(ref json),
            ReadLinks(ref json),
            StateJson.Text(ref json)!,
            StateJson.Text(ref json)!)
        {
            StoredImportedAt = importedAt,
            Stamp = StateJson.ReadStamp(ref json),
        };
        StateJson.Expect(ref json, JsonTokenType.EndArray);
        return state;
    }

    private static IReadOnlyList<MonographLink> ReadLinks(ref Utf8JsonReader json)
    {
        StateJson.Expect(ref json, JsonTokenType.StartArray);
        var ahead = json;
        if (ahead.Read() && ahead.TokenType == JsonTokenType.EndArray)
        {
            json = ahead;
            return [];
        }

        return JsonSerializer.Deserialize(ref json, LinksJson) ?? [];
    }
}
