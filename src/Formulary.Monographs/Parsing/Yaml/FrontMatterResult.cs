using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Model;

namespace Formulary.Monographs.Parsing.Yaml;

/// <summary>The typed front matter plus where its values sit, for later diagnostics.</summary>
internal sealed record FrontMatterResult(
    FrontMatter FrontMatter,
    IReadOnlyList<MonographLink> Links,
    SourcePosition? DescriptionPosition)
{
    public static FrontMatterResult Empty { get; } = new(FrontMatter.Empty, [], null);
}
