using Formulary.Monographs.Model;

namespace Formulary.Monographs.Lint;

/// <summary>What the cross-document checks need of a document: who it is and what it links to (not its text).</summary>
internal sealed record DocumentLinks(Collection Collection, string Slug, string SourcePath, IReadOnlyList<MonographLink> Links)
{
    public static DocumentLinks Of(Monograph monograph) => new(monograph.Collection, monograph.Slug, monograph.SourcePath, monograph.Links);
}
