using Formulary.Storage.Relational;

namespace Formulary.Storage.Versions;

/// <summary>
/// A live document as <see cref="IMonographStore.ReadLiveAsync"/> reads it: its stored values, unpacked by whoever takes
/// the row (<see cref="Unpack"/>) rather than by the one reading the rows.
/// </summary>
/// <remarks>
/// A reader's rows come one at a time, so whatever the reading does is done on one thread at once. Unpacking a model
/// (Brotli, then its JSON) is a third of a static export's CPU; done while reading, it held the export's other workers
/// waiting for their next row. Done by the taker, each worker unpacks its own (ADR 0004, decision 9).
/// </remarks>
public sealed class LiveMonographRow
{
    private readonly StoreDialect? dialect;
    private readonly object? model;
    private readonly object? sections;
    private readonly LiveMonograph? unpacked;

    internal LiveMonographRow(StoreDialect dialect, object model, object? sections) =>
        (this.dialect, this.model, this.sections) = (dialect, model, sections);

    private LiveMonographRow(LiveMonograph unpacked) => this.unpacked = unpacked;

    /// <summary>A document already in memory (a content folder parsed for an editor's preview).</summary>
    public static LiveMonographRow Of(LiveMonograph monograph) => new(monograph ?? throw new ArgumentNullException(nameof(monograph)));

    /// <summary>The model and its rendered sections; on SQLite, read before anything else unpacks on this thread.</summary>
    public LiveMonograph Unpack()
    {
        if (unpacked is not null)
        {
            return unpacked;
        }

        // The sections first (on SQLite each value is unpacked into the same per-thread buffer): with them, the model
        // is read without the text they already hold.
        var current = sections is null ? null : dialect!.UnpackSections(sections).Current;
        return new LiveMonograph(dialect!.UnpackModel(model!, current is null ? ModelJson.Options : ModelJson.PageOptions), current);
    }
}
