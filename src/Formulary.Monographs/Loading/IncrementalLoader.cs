using System.Security.Cryptography;
using System.Text;
using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Lint;
using Formulary.Monographs.Model;
using Formulary.Monographs.Parsing;
using Formulary.Monographs.Rules;

namespace Formulary.Monographs.Loading;

/// <summary>
/// Reads a content folder for publication: each Markdown file (and the <c>*.rules.yaml</c> beside it)
/// is read once and hashed; a file whose hash and parser version equal what the store holds is not
/// parsed; the others are parsed, their rules loaded and checked against the new text. Cross-document
/// checks (links, duplicate slugs) run over every document, using the stored links of unchanged ones.
/// </summary>
public sealed class IncrementalLoader(MonographParser parser)
{
    public IncrementalLoader()
        : this(MonographParser.Default)
    {
    }

    /// <summary>Lists the files under <paramref name="path"/> (a content folder, a collection folder or one file); reads none.</summary>
    public static ContentListing List(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new ContentListing(path, ContentLayout.Of(path));
    }

    /// <param name="stored">What the store holds for a collection and slug (null: nothing); called from several threads.</param>
    public IncrementalLoad Load(
        ContentListing listing, Func<Collection, string, StoredContent?> stored, IProgress<LoadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentNullException.ThrowIfNull(stored);
        var (path, layout) = (listing.Path, listing.Layout);
        var files = layout.Files;
        var read = new (LoadedDocument Document, IReadOnlyList<MonographLink> Links)[files.Count];
        var done = 0;
        var gate = new Lock();
        Parallel.For(0, files.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var (collection, file) = files[i];
            var slug = listing.Slugs[i];
            read[i] = ReadOne(layout.Folder, collection, file, slug, listing.Duplicated[i] ? null : stored(collection, slug));
            if (progress is not null)
            {
                lock (gate)
                {
                    progress.Report(new LoadProgress(++done, files.Count, file));
                }
            }
        });

        foreach (var (document, _) in read)
        {
            layout.KnownSlugs.GetValueOrDefault(document.Collection)?.Add(document.Slug);
        }

        var cross = ContentSetLint.Run([.. read.Select(r => new DocumentLinks(r.Document.Collection, r.Document.Slug, r.Document.SourcePath, r.Links))], layout.KnownSlugs)
            .ToLookup(d => d.File, StringComparer.Ordinal);
        var documents = read.Select(r => r.Document with { CrossDiagnostics = [.. cross[r.Document.SourcePath]] }).ToList();
        var isRoot = Directory.Exists(path) && Enum.GetValues<Collection>().Any(c => Directory.Exists(Path.Combine(path, c.FolderName())));
        return new IncrementalLoad(documents, [.. layout.Skipped, .. isRoot ? OrphanRules(layout.Folder, path) : []], isRoot || File.Exists(path), layout.Folder.Root);
    }

    private (LoadedDocument, IReadOnlyList<MonographLink>) ReadOne(ContentFolder folder, Collection collection, string file, string slug, StoredContent? previous)
    {
        var read = folder.Read(file, parser.Limits.MaxBytes);
        var rulesFile = RulesLoader.RulesPathFor(file);
        var hasRules = folder.Exists(rulesFile);
        var rulesRead = hasRules ? folder.Read(rulesFile, RulesLoader.MaxBytes) : null;
        var usable = read is { Problem: null, TooLarge: false };
        var rulesUsable = rulesRead is { Problem: null, TooLarge: false };
        var hash = Convert.ToHexStringLower(SHA256.HashData(read.Bytes));
        var contentHash = !rulesUsable ? hash : $"{hash}+{Convert.ToHexStringLower(SHA256.HashData(rulesRead!.Bytes))}";
        if (usable && previous is not null && previous.ContentHash == contentHash && previous.ModelVersion == MonographParser.ModelVersion)
        {
            return (new LoadedDocument(collection, slug, file, contentHash, null, null, null, []), previous.Links);
        }

        var monograph = read switch
        {
            { Problem: { } problem } => parser.Refused(collection, file, problem),
            { TooLarge: true } => parser.TooLarge(collection, file, hash),
            _ => parser.Parse(collection, file, read.Bytes),
        };
        RulesSource? rules = null;
        if (hasRules)
        {
            var rulesText = rulesUsable ? Decode(rulesRead!.Bytes) : null;
            var result = rulesText is not null ? RulesLoader.Load(rulesFile, rulesText, monograph) : RulesLoader.LoadFile(rulesFile, monograph, folder);
            rules = rulesText is null ? null : new RulesSource(rulesFile, rulesText);
            monograph = monograph with { Diagnostics = [.. monograph.Diagnostics, .. result.Diagnostics] };
        }

        var source = usable ? Decode(read.Bytes) : string.Empty;
        return (new LoadedDocument(collection, slug, file, usable ? contentHash : monograph.ContentHash, monograph, source, rules, []), monograph.Links);
    }

    /// <summary>UTF-8 as the parser decodes it (invalid bytes as U+FFFD), without a byte-order mark.</summary>
    private static string Decode(byte[] bytes) =>
        bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3) : Encoding.UTF8.GetString(bytes);

    /// <summary>Rules files with no monograph beside them: they can never be used, so say so.</summary>
    private static List<Diagnostic> OrphanRules(ContentFolder content, string root) =>
        [.. Enum.GetValues<Collection>()
            .Select(c => Path.Combine(root, c.FolderName()))
            .Where(Directory.Exists)
            .SelectMany(folder => content.Files(folder, RulesLoader.Suffix, []))
            .Where(f => !content.Exists(RulesLoader.MonographPathFor(f)))
            .Order(StringComparer.Ordinal)
            .SelectMany(f => RulesLoader.LoadFile(f, null, content).Diagnostics)];
}
