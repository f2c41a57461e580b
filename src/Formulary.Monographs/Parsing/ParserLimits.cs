namespace Formulary.Monographs.Parsing;

/// <summary>
/// What the parser accepts. Real monographs are a few kilobytes with a flat front matter; the limits
/// are far above that and bound the time and memory a hostile file can cost.
/// </summary>
public sealed record ParserLimits
{
    public static ParserLimits Default { get; } = new();

    /// <summary>Largest file read, in bytes (2 MiB).</summary>
    public int MaxBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>Deepest nesting of YAML mappings and sequences in the front matter.</summary>
    public int MaxYamlDepth { get; init; } = 32;

    /// <summary>Most YAML nodes the front matter may hold once aliases are expanded (guards alias bombs).</summary>
    public int MaxYamlNodes { get; init; } = 20_000;

    /// <summary>
    /// Most characters of scalar text the front matter's aliases may repeat, counted over every alias (1 Mi): a long
    /// string anchored once and aliased a thousand times stays under <see cref="MaxYamlNodes"/> but not under this.
    /// </summary>
    public int MaxYamlAliasChars { get; init; } = 1024 * 1024;

    /// <summary>Deepest nesting of Markdown blocks (lists in lists, quotes in quotes) the body may have.</summary>
    public int MaxMarkdownDepth { get; init; } = 64;

    /// <summary>
    /// Most characters Markdig may read in link destinations, as a multiple of the body's length (plus 64 Ki). Real links
    /// read their URL once; a run of unclosed <c>[x](</c> reads quadratically (see <c>LinkDestinationScan</c>).
    /// </summary>
    public int MaxLinkScanPerChar { get; init; } = 4;

    /// <summary>Deepest nesting of HTML elements in the raw HTML of one section (the sanitizer's parse is not linear in it).</summary>
    public int MaxHtmlDepth { get; init; } = 64;

    /// <summary>Most raw HTML tags (start and end) the body may hold; a real monograph has a few dozen.</summary>
    public int MaxHtmlTags { get; init; } = 10_000;

    /// <summary>Most inline-HTML diagnostics reported per file; the rest are counted in the last one.</summary>
    public int MaxHtmlDiagnostics { get; init; } = 10;
}
