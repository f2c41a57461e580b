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
    /// <summary>The same query on both stores: every head in one value, read by <see cref="StateJson.LoadAsync"/>.</summary>
    internal static string Sql(StoreDialect dialect) =>
        $"""
        SELECT {dialect.JsonArrays($"d.collection, d.slug, d.head_version, v.rejected, d.latest_version, d.removed_at IS NOT NULL, v.model_version, {StateJson.StampColumns}")}
        FROM {StateJson.Heads(dialect)}
        """;

    internal static Task<Dictionary<(Collection, string), StoredHead>> LoadAsync(DbCommand command, StoreDialect dialect, CancellationToken cancellationToken) =>
        StateJson.LoadAsync(command, dialect, Sql(dialect), Read, head => (head.Collection, head.Slug), cancellationToken);

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
