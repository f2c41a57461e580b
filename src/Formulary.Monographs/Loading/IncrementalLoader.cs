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

    /// <param name="stored">What the store holds for a collection and slug (null: nothing); called from several threads.</param>
    public IncrementalLoad Load(
        string path, Func<Collection, string, StoredContent?> stored, IProgress<LoadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(stored);
        var layout = ContentLayout.Of(path);
        var files = layout.Files;
        var duplicates = files.GroupBy(f => (f.Collection, MonographParser.SlugOf(f.Path).ToLowerInvariant()))
            .Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var read = new (LoadedDocument Document, IReadOnlyList<MonographLink> Links)[files.Count];
        var done = 0;
        var gate = new Lock();
        Parallel.For(0, files.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var (collection, file) = files[i];
            var slug = MonographParser.SlugOf(file);
            read[i] = ReadOne(collection, file, slug, duplicates.Contains((collection, slug.ToLowerInvariant())) ? null : stored(collection, slug));
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
        return new IncrementalLoad(documents, isRoot ? OrphanRules(path) : [], isRoot || File.Exists(path));
    }

    private (LoadedDocument, IReadOnlyList<MonographLink>) ReadOne(Collection collection, string file, string slug, StoredContent? previous)
    {
        var bytes = ReadBounded(file, parser.Limits.MaxBytes, out var failure);
        var rulesFile = RulesLoader.RulesPathFor(file);
        var rulesBytes = File.Exists(rulesFile) ? ReadBounded(rulesFile, RulesLoader.MaxBytes, out _) : null;
        var hash = bytes is null ? null : Convert.ToHexStringLower(SHA256.HashData(bytes));
        var contentHash = hash is null || rulesBytes is null ? hash : $"{hash}+{Convert.ToHexStringLower(SHA256.HashData(rulesBytes))}";
        if (contentHash is not null && previous is not null && previous.ContentHash == contentHash && previous.ModelVersion == MonographParser.ModelVersion)
        {
            return (new LoadedDocument(collection, slug, file, contentHash, null, null, null, []), previous.Links);
        }

        var monograph = bytes is null
            ? failure is null ? parser.TooLarge(collection, file, new FileInfo(file).Length, HashOfFile(file)) : parser.Unreadable(collection, file, failure)
            : parser.Parse(collection, file, bytes);
        RulesSource? rules = null;
        if (File.Exists(rulesFile))
        {
            var result = rulesBytes is null ? RulesLoader.LoadFile(rulesFile, monograph) : RulesLoader.Load(rulesFile, Decode(rulesBytes), monograph);
            rules = rulesBytes is null ? null : new RulesSource(rulesFile, Decode(rulesBytes));
            monograph = monograph with { Diagnostics = [.. monograph.Diagnostics, .. result.Diagnostics] };
        }

        var source = bytes is null ? string.Empty : Decode(bytes);
        return (new LoadedDocument(collection, slug, file, contentHash ?? monograph.ContentHash, monograph, source, rules, []), monograph.Links);
    }

    /// <summary>The file's bytes, reading at most <paramref name="limit"/> + 1 (never trusting the reported length); null when larger or unreadable.</summary>
    private static byte[]? ReadBounded(string file, int limit, out string? failure)
    {
        failure = null;
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit + 1L - buffer.Length))) > 0)
            {
                buffer.Write(chunk, 0, n);
                if (buffer.Length > limit)
                {
                    return null;
                }
            }

            return buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            failure = e.Message;
            return null;
        }
    }

    private static string HashOfFile(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>UTF-8 as the parser decodes it (invalid bytes as U+FFFD), without a byte-order mark.</summary>
    private static string Decode(byte[] bytes) =>
        bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3) : Encoding.UTF8.GetString(bytes);

    /// <summary>Rules files with no monograph beside them: they can never be used, so say so.</summary>
    private static List<Diagnostic> OrphanRules(string root) =>
        [.. Enum.GetValues<Collection>()
            .Select(c => Path.Combine(root, c.FolderName()))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*" + RulesLoader.Suffix, SearchOption.AllDirectories))
            .Where(f => !File.Exists(RulesLoader.MonographPathFor(f)))
            .Order(StringComparer.Ordinal)
            .SelectMany(f => RulesLoader.LoadFile(f, null).Diagnostics)];
}
