using System.Security.Cryptography;
using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Lint;
using Formulary.Monographs.Model;
using Formulary.Monographs.Parsing.Body;
using Formulary.Monographs.Parsing.Faqs;
using Formulary.Monographs.Parsing.Yaml;
using Markdig;

namespace Formulary.Monographs.Parsing;

/// <summary>
/// Reads one monograph file into a <see cref="Monograph"/>. Immutable once built and safe to share
/// between threads (register one as a singleton). It never throws on content: whatever the bytes,
/// it returns what it could build plus diagnostics.
/// </summary>
public sealed class MonographParser
{
    private readonly MarkdownPipeline pipeline;
    private readonly bool lint;

    internal MonographParser(ParserLimits limits, bool lint)
    {
        Limits = limits;
        this.lint = lint;
        pipeline = new MarkdownPipelineBuilder().UsePipeTables().UsePreciseSourceLocation().Build();
    }

    /// <summary>
    /// The version of what <see cref="Parse"/> produces. BUMP IT whenever the parse output for the same
    /// bytes changes (a new repair, new or changed diagnostics, new section keys, a new model member):
    /// stores re-parse every document whose stored model came from another version.
    /// </summary>
    public const int ModelVersion = 1;

    /// <summary>The parser with default limits and lint on.</summary>
    public static MonographParser Default { get; } = new MonographParserBuilder().Build();

    public ParserLimits Limits { get; }

    /// <param name="sourcePath">Shown in diagnostics; its file name without <c>.md</c> is the slug.</param>
    public Monograph Parse(Collection collection, string sourcePath, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(sourcePath);
        var context = new DocumentContext(collection, sourcePath, Limits);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var text = InputDecoder.Decode(content, Limits, sourcePath, context.Diagnostics);
        return text is null ? Unread(context, hash) : Parse(context, hash, new SourceText(text));
    }

    /// <summary>A file over <see cref="ParserLimits.MaxBytes"/>, refused without reading it into memory.</summary>
    public Monograph TooLarge(Collection collection, string sourcePath, long length, string contentHash)
    {
        var context = new DocumentContext(collection, sourcePath, Limits);
        context.Report(InputDecoder.TooLarge(sourcePath, length, Limits));
        return Unread(context, contentHash);
    }

    /// <summary>A file that could not be read at all (I/O error).</summary>
    public Monograph Unreadable(Collection collection, string sourcePath, string reason)
    {
        var context = new DocumentContext(collection, sourcePath, Limits);
        context.Report(DiagnosticCodes.UnreadableFile, SourcePosition.FileStart, "the file could not be read: " + reason);
        return Unread(context, string.Empty);
    }

    private Monograph Parse(DocumentContext context, string hash, SourceText source)
    {
        var split = FrontMatterSplitter.Split(source);
        if (split.Unterminated)
        {
            context.Report(DiagnosticCodes.UnterminatedFrontMatter, SourcePosition.FileStart,
                "the front matter starts with '---' but has no closing '---' line; add one after the last key");
            return Unread(context, hash);
        }

        var front = FrontMatterResult.Empty;
        if (split.HasFrontMatter)
        {
            front = FrontMatterReader.Read(context, split.Yaml!, split.YamlFirstLine);
        }
        else
        {
            context.Report(DiagnosticCodes.NoFrontMatter, SourcePosition.FileStart,
                "the file has no front matter; start it with '---', 'title: …', '---'");
            context.Report(DiagnosticCodes.TitleMissing, SourcePosition.FileStart, "the document has no front matter, so no 'title'");
        }

        var body = BodyReader.Read(context, source, split.BodyOffset, split.BodyStartLine, pipeline);
        var faqs = FaqMerger.Merge(context, front.FrontMatter.Faqs, BodyFaqReader.Read(body));
        var description = DescriptionRepair.Repair(context, front.FrontMatter.Description, front.DescriptionPosition, body.Find("usage"));
        if (lint)
        {
            BodyLint.Run(context, body, split.BodyStartLine);
            ContraindicationCheck.Run(context, body, faqs);
        }

        var slug = SlugOf(context.Path);
        return new Monograph
        {
            Collection = context.Collection,
            Slug = slug,
            SourcePath = context.Path,
            ContentHash = hash,
            FrontMatter = front.FrontMatter,
            Title = string.IsNullOrWhiteSpace(front.FrontMatter.Title) ? slug : front.FrontMatter.Title.Trim(),
            Description = description,
            Sections = body.Sections,
            Faqs = faqs,
            AlternateNames = AlternateNamesReader.Read(body),
            Links = front.Links,
            Body = body.Text,
            BodyStartLine = split.BodyStartLine,
            Diagnostics = Sorted(context.Diagnostics),
        };
    }

    private static Monograph Unread(DocumentContext context, string hash)
    {
        var slug = SlugOf(context.Path);
        return new Monograph
        {
            Collection = context.Collection,
            Slug = slug,
            SourcePath = context.Path,
            ContentHash = hash,
            FrontMatter = FrontMatter.Empty,
            Title = slug,
            Description = new MonographDescription(string.Empty, string.Empty, false),
            Sections = [],
            Faqs = [],
            AlternateNames = [],
            Body = string.Empty,
            BodyStartLine = 1,
            Diagnostics = Sorted(context.Diagnostics),
        };
    }

    /// <summary>The slug is the file name without <c>.md</c>.</summary>
    public static string SlugOf(string sourcePath)
    {
        var name = Path.GetFileName(sourcePath);
        return name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;
    }

    private static List<Diagnostic> Sorted(List<Diagnostic> diagnostics) =>
        [.. diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Code, StringComparer.Ordinal)];
}
