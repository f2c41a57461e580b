using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Model;
using Formulary.Storage.Listing;

namespace Formulary.Storage.Importing;

internal static class SummaryOf
{
    public static MonographSummary Create(Monograph monograph, int version, DateTimeOffset importedAt)
    {
        var front = monograph.FrontMatter;
        return new MonographSummary(
            monograph.Collection,
            monograph.Slug,
            monograph.Title,
            monograph.Description.Full,
            front.IsBanned,
            front.LastModified,
            front.MedicineType == MedicineType.Single ? front.GenericSlug : null,
            front.MedicineType == MedicineType.Combination ? front.CombinationSlug : null,
            [.. front.Ingredients.Select(i => i.GenericSlug)],
            version,
            importedAt,
            monograph.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error),
            monograph.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning));
    }
}
