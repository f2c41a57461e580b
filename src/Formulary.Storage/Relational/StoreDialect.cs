using System.Data.Common;
using Formulary.Monographs.Model;
using Formulary.Storage.Importing;

namespace Formulary.Storage.Relational;

/// <summary>
/// What differs between SQLite and PostgreSQL under the shared import and read code: how the import
/// lock is taken, how a model, a source text and an instant are stored, the ordering collation and the search index.
/// Everything else is the same SQL (<c>@name</c> parameters, which both providers accept).
/// </summary>
internal abstract class StoreDialect
{
    /// <summary>Appended to <c>ORDER BY collection, slug</c> columns so both stores order by code point.</summary>
    public abstract string BinaryCollation { get; }

    /// <summary>
    /// The tables of the import's state query (<see cref="StoredState.Sql"/>), aliased <c>d</c> and <c>v</c>. SQLite
    /// names its covering indexes (schema 13): its planner would otherwise read the version rows beside the packed
    /// source and model. PostgreSQL keeps large values out of its rows (TOAST), so the plain join is cheap there.
    /// </summary>
    public virtual string StoredStateTables => "documents d JOIN versions v";

    /// <summary>A JSON array of the SQL <paramref name="expressions"/> (comma-separated), as text; nulls as <c>null</c>.</summary>
    public abstract string JsonArray(string expressions);

    /// <summary>
    /// One JSON array, as text, of a JSON array of the SQL <paramref name="expressions"/> per row (as <see cref="JsonArray"/>
    /// builds it); <c>[]</c> or null for no rows.
    /// </summary>
    public abstract string JsonArrays(string expressions);

    /// <summary>A text column holding JSON, as a JSON value inside <see cref="JsonArray"/> (not as a string).</summary>
    public abstract string JsonValue(string column);

    /// <summary>
    /// A text column's UTF-8 bytes: by default the text encoded into <paramref name="buffer"/> (grown as needed);
    /// a provider that can hand over the stored bytes themselves does (<see cref="Sqlite.SqliteDialect"/>).
    /// </summary>
    public virtual ReadOnlySpan<byte> Utf8(DbDataReader reader, int ordinal, ref byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var text = reader.GetString(ordinal);
        if (System.Text.Encoding.UTF8.GetMaxByteCount(text.Length) is var most && most > buffer.Length)
        {
            buffer = new byte[Math.Max(most, buffer.Length * 2)];
        }

        return buffer.AsSpan(0, System.Text.Encoding.UTF8.GetBytes(text, buffer));
    }

    /// <summary>
    /// Begins the import transaction holding the store-wide import lock (SQLite's write lock, a
    /// PostgreSQL advisory lock); <c>Waited</c> is true when another import held it first.
    /// </summary>
    public abstract Task<(DbTransaction Transaction, bool Waited)> BeginImportAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Told when an import begun by <see cref="BeginImportAsync"/> has committed.</summary>
    public virtual void ImportCommitted()
    {
    }

    /// <summary>Called once, before an import's first write, on its connection: what only a writing import needs.</summary>
    public virtual Task BeforeWritesAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    public abstract object PackModel(Monograph monograph);

    public Monograph UnpackModel(object stored) => UnpackModel(stored, ModelJson.Options);

    /// <param name="options"><see cref="ModelJson.Options"/>, or <see cref="ModelJson.PageOptions"/> to read only what a page shows.</param>
    public abstract Monograph UnpackModel(object stored, System.Text.Json.JsonSerializerOptions options);

    /// <summary>A published version's rendered sections as stored beside its model (packed like it).</summary>
    public abstract object PackSections(Versions.StoredSections sections);

    public abstract Versions.StoredSections UnpackSections(object stored);

    /// <summary>A version's source text as stored (SQLite packs it; ADR 0003); <see cref="UnpackText"/> gives it back unchanged.</summary>
    public abstract object PackText(string text);

    public abstract string UnpackText(object stored);

    public abstract object Instant(DateTimeOffset instant);

    /// <summary>The database's own integrity check: null when it passes, else what it found.</summary>
    public abstract Task<string?> IntegrityProblemAsync(DbConnection connection, CancellationToken cancellationToken);

    public abstract Task RefreshSearchAsync(DbConnection connection, DbTransaction transaction, IndexRefresh refresh, CancellationToken cancellationToken);
}
