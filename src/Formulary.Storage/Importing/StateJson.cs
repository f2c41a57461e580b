using System.Text.Json;
using Formulary.Monographs;
using Formulary.Monographs.Loading;

namespace Formulary.Storage.Importing;

/// <summary>
/// Reads the values of an import state row as the database built it (<see cref="Relational.StoreDialect.JsonArray"/>: one JSON array,
/// booleans as SQLite's 0/1 or PostgreSQL's true/false), in order, with one <see cref="Utf8JsonReader"/>: the state of
/// every document (<see cref="StoredState"/>) and the heads an unchanged import needs (<see cref="StoredHead"/>).
/// </summary>
internal static class StateJson
{
    /// <summary>The recorded stamp's values, as <see cref="ReadStamp"/> reads them, from <see cref="Heads"/>.</summary>
    public const string StampColumns =
        "s.size, s.modified_ns, s.changed_ns, s.inode, s.rules_size, s.rules_modified_ns, s.rules_changed_ns, s.rules_inode, s.checked_at_ns";

    /// <summary>Every document (<c>d</c>) with its head version (<c>v</c>) and the stamp recorded for that version's content (<c>s</c>, or nulls).</summary>
    public static string Heads(Relational.StoreDialect dialect) =>
        $"""
        {dialect.StoredStateTables} ON v.document_id = d.id AND v.version = d.head_version
        LEFT JOIN source_stamps s ON s.document_id = d.id AND s.content_hash = v.content_hash
        """;

    /// <summary>The recorded stamp (<c>source_stamps</c>): null when the document has none.</summary>
    public static RecordedStamp? ReadStamp(ref Utf8JsonReader json)
    {
        var size = OptionalInt64(ref json);
        var (modified, changed, inode) = (OptionalInt64(ref json), OptionalInt64(ref json), OptionalInt64(ref json));
        var rulesSize = OptionalInt64(ref json);
        var (rulesModified, rulesChanged, rulesInode) = (OptionalInt64(ref json), OptionalInt64(ref json), OptionalInt64(ref json));
        var checkedAt = OptionalInt64(ref json);
        return size is null
            ? null
            : new RecordedStamp(
                new SourceStamp(
                    new FileStamp(size.Value, modified!.Value, changed!.Value, inode!.Value),
                    rulesSize is null ? null : new FileStamp(rulesSize.Value, rulesModified!.Value, rulesChanged!.Value, rulesInode!.Value)),
                RecordedStamp.FromUnixNanoseconds(checkedAt!.Value));
    }

    public static long Int64(ref Utf8JsonReader json) =>
        OptionalInt64(ref json) ?? throw new InvalidOperationException("the stored state has a null where a number belongs");

    public static long? OptionalInt64(ref Utf8JsonReader json)
    {
        json.Read();
        return json.TokenType == JsonTokenType.Null ? null : json.GetInt64();
    }

    public static string? Text(ref Utf8JsonReader json)
    {
        json.Read();
        return json.TokenType == JsonTokenType.Null ? null : json.GetString();
    }

    /// <summary>A stored collection name, read without a string for the three a store writes.</summary>
    public static Collection Collection(ref Utf8JsonReader json)
    {
        json.Read();
        return json.ValueIsEscaped || json.HasValueSequence ? StoreText.ParseCollection(json.GetString()!) : StoreText.ParseCollection(json.ValueSpan);
    }

    public static bool Flag(ref Utf8JsonReader json)
    {
        json.Read();
        return json.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => json.GetInt64() != 0,
        };
    }

    public static void Expect(ref Utf8JsonReader json, JsonTokenType token)
    {
        if (!json.Read() || json.TokenType != token)
        {
            throw new InvalidOperationException($"the stored state is not the array expected ({json.TokenType} where {token} belongs)");
        }
    }
}
