using System.Data.Common;
using Formulary.Monographs.Model;
using Formulary.Storage.Importing;

namespace Formulary.Storage.Relational;

/// <summary>
/// What differs between SQLite and PostgreSQL under the shared import and read code: how the import
/// lock is taken, how a model and an instant are stored, the ordering collation and the search index.
/// Everything else is the same SQL (<c>@name</c> parameters, which both providers accept).
/// </summary>
internal abstract class StoreDialect
{
    /// <summary>Appended to <c>ORDER BY collection, slug</c> columns so both stores order by code point.</summary>
    public abstract string BinaryCollation { get; }

    /// <summary>
    /// Begins the import transaction holding the store-wide import lock (SQLite's write lock, a
    /// PostgreSQL advisory lock); <c>Waited</c> is true when another import held it first.
    /// </summary>
    public abstract Task<(DbTransaction Transaction, bool Waited)> BeginImportAsync(DbConnection connection, CancellationToken cancellationToken);

    public abstract object PackModel(Monograph monograph);

    public abstract Monograph UnpackModel(object stored);

    public abstract object Instant(DateTimeOffset instant);

    public abstract Task RefreshSearchAsync(DbConnection connection, DbTransaction transaction, IndexRefresh refresh, CancellationToken cancellationToken);
}
