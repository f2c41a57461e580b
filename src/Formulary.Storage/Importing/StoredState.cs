using System.Data.Common;
using System.Text.Json;
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

    /// <summary>The same query on both stores, over the tables as <paramref name="dialect"/> names them; <see cref="LoadAsync"/> reads its rows.</summary>
    internal static string Sql(StoreDialect dialect) =>
        $"""
        SELECT d.id, d.collection, d.slug, d.latest_version, d.removed_at IS NOT NULL, v.content_hash, v.source_path, d.link_collection, d.link_slug,
            v.model_version, v.imported_at, d.head_version, v.rejected, d.links_json, d.cross_key, d.title,
            s.size, s.modified_ns, s.changed_ns, s.inode, s.rules_size, s.rules_modified_ns, s.rules_changed_ns, s.rules_inode, s.checked_at_ns
        FROM {dialect.StoredStateTables} ON v.document_id = d.id AND v.version = d.head_version
        LEFT JOIN source_stamps s ON s.document_id = d.id AND s.content_hash = v.content_hash
        """;

    internal static async Task<Dictionary<(Collection, string), StoredState>> LoadAsync(DbCommand command, StoreDialect dialect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.CommandText = Sql(dialect);
        var rows = new Dictionary<(Collection, string), StoredState>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var links = reader.GetString(13);
            var state = new StoredState(
                reader.GetInt64(0),
                StoreText.ParseCollection(reader.GetString(1)),
                reader.GetString(2),
                reader.GetInt32(3),
                reader.GetBoolean(4),
                reader.GetString(5),
                reader.GetString(6),
                reader.IsDBNull(7) ? null : StoreText.ParseCollection(reader.GetString(7)),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.GetInt32(9),
                reader.GetInt32(11),
                reader.GetBoolean(12),
                links == "[]" ? [] : JsonSerializer.Deserialize<List<MonographLink>>(links, ModelJson.Options) ?? [],
                reader.GetString(14),
                reader.GetString(15))
            {
                StoredImportedAt = reader.GetValue(10),
                Stamp = reader.IsDBNull(16) ? null : ReadStamp(reader),
            };
            rows[(state.Collection, state.Slug)] = state;
        }

        return rows;
    }

    /// <summary>Columns 16–24 of <see cref="Sql"/>, the recorded stamp (<c>source_stamps</c>).</summary>
    private static RecordedStamp ReadStamp(DbDataReader reader) => new(
        new SourceStamp(
            new FileStamp(reader.GetInt64(16), reader.GetInt64(17), reader.GetInt64(18), reader.GetInt64(19)),
            reader.IsDBNull(20) ? null : new FileStamp(reader.GetInt64(20), reader.GetInt64(21), reader.GetInt64(22), reader.GetInt64(23))),
        RecordedStamp.FromUnixNanoseconds(reader.GetInt64(24)));
}
