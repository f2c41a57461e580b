using Formulary.Monographs;

namespace Formulary.Benchmarks.Parsing;

/// <summary>One generated monograph file: where it goes and its bytes.</summary>
public sealed record GeneratedDocument(Collection Collection, string Slug, byte[] Content)
{
    public string RelativePath => Path.Combine(Collection.FolderName(), Slug + ".md");
}
