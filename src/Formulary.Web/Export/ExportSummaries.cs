using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Model;
using Formulary.Storage.Listing;

namespace Formulary.Web.Export;

/// <summary>
/// The export works from parsed content without a database, so it makes the same light summaries
/// the store lists (<see cref="MonographSummary"/>), to share link building and the sitemap with the live site.
/// </summary>
internal static class ExportSummaries
{
    public static IReadOnlyList<MonographSummary> Of(IEnumerable<Monograph> monographs, DateTimeOffset exportedAt) =>
        [.. monographs.Select(m => new MonographSummary(
            m.Collection,
            m.Slug,
            m.Title,
            m.Description.Full,
            m.FrontMatter.IsBanned,
            m.FrontMatter.LastModified,
            m.FrontMatter.MedicineType == MedicineType.Single ? m.FrontMatter.GenericSlug : null,
            m.FrontMatter.MedicineType == MedicineType.Combination ? m.FrontMatter.CombinationSlug : null,
            [.. m.FrontMatter.Ingredients.Select(i => i.GenericSlug)],
            Version: 0,
            exportedAt,
            m.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error),
            m.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning)))];
}
