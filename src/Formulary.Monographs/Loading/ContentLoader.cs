using System.Security.Cryptography;
using Formulary.Monographs.Lint;
using Formulary.Monographs.Model;
using Formulary.Monographs.Parsing;
using Formulary.Monographs.Rules;

namespace Formulary.Monographs.Loading;

/// <summary>
/// Loads a content folder (with <c>compositions/</c>, <c>combinations/</c>, <c>medicines/</c>), one
/// collection folder, a folder of loose <c>.md</c> files (read as compositions) or a single file.
/// One bad file never stops the others: it becomes a monograph with an error diagnostic.
/// </summary>
public sealed class ContentLoader(MonographParser parser)
{
    public ContentLoader()
        : this(MonographParser.Default)
    {
    }

    public ContentSet Load(string path, IProgress<LoadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var layout = ContentLayout.Of(path);
        var files = layout.Files;
        // Files are parsed in parallel (the parser is immutable and thread-safe); the result keeps the
        // layout's order, and progress is reported one call at a time with Done counting up by one.
        var parsed = new Monograph[files.Count];
        var done = 0;
        var gate = new Lock();
        Parallel.For(0, files.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var (collection, file) = files[i];
            parsed[i] = Read(collection, file);
            if (progress is not null)
            {
                lock (gate)
                {
                    done++;
                    progress.Report(new LoadProgress(done, files.Count, file));
                }
            }
        });
        var monographs = new List<Monograph>(parsed);

        foreach (var monograph in monographs)
        {
            layout.KnownSlugs.GetValueOrDefault(monograph.Collection)?.Add(monograph.Slug);
        }

        return new ContentSet(monographs, [.. ContentSetLint.Run(monographs, layout.KnownSlugs), .. RulesLint.Run(monographs)]);
    }

    /// <summary>Reads one file, refusing an oversized one without loading it into memory.</summary>
    public Monograph Read(Collection collection, string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            var length = new FileInfo(file).Length;
            if (length > parser.Limits.MaxBytes)
            {
                using var stream = File.OpenRead(file);
                return parser.TooLarge(collection, file, length, Convert.ToHexStringLower(SHA256.HashData(stream)));
            }

            return parser.Parse(collection, file, File.ReadAllBytes(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return parser.Unreadable(collection, file, e.Message);
        }
    }
}
