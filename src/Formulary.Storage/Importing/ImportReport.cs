namespace Formulary.Storage.Importing;

/// <summary>The result of one import: counts per outcome and one entry per document, in input order (removed ones last).</summary>
public sealed record ImportReport(IReadOnlyList<ImportedDocument> Documents)
{
    public int Added => Count(ImportOutcome.Added);

    public int Changed => Count(ImportOutcome.Changed);

    public int Unchanged => Count(ImportOutcome.Unchanged);

    public int Reparsed => Count(ImportOutcome.Reparsed);

    public int Removed => Count(ImportOutcome.Removed);

    public int Failed => Count(ImportOutcome.Failed);

    /// <summary>True when the import wrote anything (added, changed, re-parsed or removed a document).</summary>
    public bool ChangedStore => Added + Changed + Reparsed + Removed > 0;

    private int Count(ImportOutcome outcome) => Documents.Count(d => d.Outcome == outcome);
}
