using System.Text.Json;
using Formulary.Storage.Browsing;
using Formulary.Storage.Importing;
using Formulary.Storage.Listing;
using Formulary.Storage.Search;

namespace Formulary.Storage.Relational;

/// <summary>
/// The values a step writes that follow from the step alone: the packed source and model, the links, and for a
/// published version its searchable fields, summary and rendered sections. Packing and serializing are most of the cost of writing a
/// document and need no connection, so an import computes them on other cores while its one connection writes the
/// steps before (<see cref="ImportSession"/>). Null for a step that writes nothing or only marks a removal.
/// </summary>
internal sealed record EncodedStep(object? Source, object Model, string Links, EncodedPublication? Publication)
{
    public static EncodedStep? Of(ImportStep step, StoreDialect dialect, DateTimeOffset importedAt)
    {
        if (step.Write is not { } document || step.Kind is not (ImportStepKind.Publish or ImportStepKind.Reject or ImportStepKind.Refresh))
        {
            return null;
        }

        var links = JsonSerializer.Serialize(document.Monograph.Links, ModelJson.Options);
        if (step.Kind == ImportStepKind.Refresh)
        {
            var previous = step.Previous!;
            var published = !previous.HeadRejected && previous.PublishedVersion == previous.HeadVersion;
            return new EncodedStep(null, dialect.PackModel(document.Monograph), links,
                published ? EncodedPublication.Of(document, previous.HeadVersion, previous.ImportedAt, dialect) : null);
        }

        return new EncodedStep(dialect.PackText(document.SourceText), dialect.PackModel(document.Monograph), links,
            step.Kind == ImportStepKind.Publish ? EncodedPublication.Of(document, step.Result.Version!.Value, importedAt, dialect) : null);
    }
}

/// <summary>A published version's searchable fields and summary as the documents row holds them, and its rendered sections.</summary>
internal sealed record EncodedPublication(SearchDocument Search, string Sections, string Summary, string BrowseKey, string BrowseLetter, object RenderedSections)
{
    public static EncodedPublication Of(ImportDocument document, int version, DateTimeOffset versionImportedAt, StoreDialect dialect)
    {
        var search = SearchDocument.From(document.Monograph);
        var summary = MonographSummary.From(document.Monograph, version, versionImportedAt) with { HasRules = document.Rules is not null };
        var browseKey = Browsing.BrowseLetter.SortKey(search.Title);
        return new EncodedPublication(
            search,
            JsonSerializer.Serialize(search.Segments, ModelJson.Options),
            JsonSerializer.Serialize(summary, ModelJson.Options),
            browseKey,
            Browsing.BrowseLetter.Of(browseKey),
            dialect.PackSections(Versions.StoredSections.Of(document.Monograph)));
    }
}
