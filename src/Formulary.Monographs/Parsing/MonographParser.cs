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
    /// stores re-parse every document whose stored model came from another version. Bump it with
    /// <see cref="Rendering.SectionRendering.Version"/> too: the store keeps each version's sections rendered at import,
    /// and a re-parse is what renders them again. 3: the sections stored at import (SQLite schema 16, PostgreSQL 11),
    /// so a store upgraded from before renders them in its first import rather than in every export. 4: lone CR line
    /// endings, MONO020 for an empty front matter, MONO009 (UTF-16/32), MONO037–039, HTML depth in MONO035, alias text in MONO013.
    /// </summary>
    public const int ModelVersion = 4;

    /// <summary>The parser with default limits and lint on.</summary>
    public static MonographParser Default { get; } = new MonographParserBuilder().Build();

    public ParserLimits Limits { get; }

    /// <param name="sourcePath">Shown in diagnostics; its file name without <c>.md</c> is the slug.</param>
    public Monograph Parse(Collection collection, string sourcePath, ReadOnlySpan<byte> content) =>
        Parse(collection, sourcePath, content, Convert.ToHexStringLower(SHA256.HashData(content)), out _);

    /// <summary>
    /// <see cref="Parse(Collection, string, ReadOnlySpan{byte})"/> for bytes already hashed (<paramref name="contentHash"/>: their
    /// lower-case hex SHA-256), giving the text they decoded to as well (null when they were refused), so a caller that
    /// keeps the source text does not decode it again.
    /// </summary>
    public Monograph Parse(Collection collection, string sourcePath, ReadOnlySpan<byte> content, string contentHash, out string? text)
    {
        ArgumentNullException.ThrowIfNull(sourcePath);
        ArgumentNullException.ThrowIfNull(contentHash);
        var context = new DocumentContext(collection, sourcePath, Limits);
        text = InputDecoder.Decode(content, Limits, sourcePath, context.Diagnostics);
        return text is null ? Unread(context, contentHash) : Parse(context, contentHash, new SourceText(text));
    }

    /// <summary>A file over <see cref="ParserLimits.MaxBytes"/>, refused after reading no more than one byte past the limit.</summary>
    public Monograph TooLarge(Collection collection, string sourcePath, string contentHash)
    {
        var context = new DocumentContext(collection, sourcePath, Limits);
        context.Report(InputDecoder.TooLarge(sourcePath, Limits));
        return Unread(context, contentHash);
    }

    /// <summary>A file that was not read: refused by the content folder (a link outside it, a FIFO) or an I/O error.</summary>
    public Monograph Refused(Collection collection, string sourcePath, Diagnostic reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var context = new DocumentContext(collection, sourcePath, Limits);
        context.Report(reason);
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

        var slug = SlugOf(context);
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
        var slug = SlugOf(context);
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

    /// <summary>The slug is the file name without <c>.md</c>, normalized by <see cref="SlugRule"/>.</summary>
    public static string SlugOf(string sourcePath) => SlugRule.FromFileName(sourcePath);

    /// <summary>The slug of the document; a file name that is not a usable URL is reported once, here.</summary>
    private static string SlugOf(DocumentContext context)
    {
        var slug = SlugOf(context.Path);
        var name = Path.GetFileName(context.Path);
        if (SlugRule.IsNormalizedName(context.Path))
        {
            context.Report(DiagnosticCodes.SlugNormalized, SourcePosition.FileStart,
                $"the file name '{name}' is not usable in a URL; the page is published as '{slug}'; rename the file to {slug}.md");
        }

        return slug;
    }

    private static List<Diagnostic> Sorted(List<Diagnostic> diagnostics) =>
        [.. diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Code, StringComparer.Ordinal)];
}
