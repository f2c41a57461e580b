namespace Formulary.Monographs.Parsing;

/// <summary>Where the front matter and the body lie in the text. Lines are 1-based file lines.</summary>
internal sealed record FrontMatterSplit(string? Yaml, int YamlFirstLine, int BodyOffset, int BodyStartLine, bool Unterminated)
{
    public bool HasFrontMatter => Yaml is not null;
}
