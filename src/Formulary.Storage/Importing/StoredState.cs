using System.Data.Common;
using Formulary.Monographs;

namespace Formulary.Storage.Importing;

/// <summary>What an import needs to know about a stored document: its row id, latest version, hash, brand link, and the parser version and import time of its latest model.</summary>
internal sealed record StoredState(
    long Id, Collection Collection, string Slug, int LatestVersion, bool IsRemoved, string ContentHash, string SourcePath,
    Collection? LinkCollection, string? LinkSlug, int ModelVersion, DateTimeOffset ImportedAt)
{
    /// <summary>The same query on both stores; <see cref="LoadAsync"/> reads its rows.</summary>
    public const string Sql =
        """
        SELECT d.id, d.collection, d.slug, d.latest_version, d.removed_at IS NOT NULL, v.content_hash, v.source_path, d.link_collection, d.link_slug,
            v.model_version, v.imported_at
        FROM documents d JOIN versions v ON v.document_id = d.id AND v.version = d.latest_version
        """;

    public static async Task<Dictionary<(Collection, string), StoredState>> LoadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.CommandText = Sql;
        var rows = new Dictionary<(Collection, string), StoredState>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
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
                reader.GetValue(10) switch
                {
                    string text => StoreText.ParseInstant(text),
                    DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
                    var other => (DateTimeOffset)other,
                });
            rows[(state.Collection, state.Slug)] = state;
        }

        return rows;
    }
}
