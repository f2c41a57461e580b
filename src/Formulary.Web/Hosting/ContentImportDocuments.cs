using Formulary.Monographs.Model;
using Formulary.Storage.Importing;

namespace Formulary.Web.Hosting;

/// <summary>Pairs a parsed monograph with its source text, which the store keeps per version for diffs.</summary>
internal static class ContentImportDocuments
{
    public static ImportDocument For(Monograph monograph) =>
        new(monograph, File.Exists(monograph.SourcePath) ? File.ReadAllText(monograph.SourcePath) : monograph.Body);
}
