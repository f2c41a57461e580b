using System.Security.Cryptography;
using Formulary.Monographs.Diagnostics;
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
            parsed[i] = Read(layout.Folder, collection, file);
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

        return new ContentSet(monographs, [.. layout.Skipped, .. layout.Misplaced, .. ContentSetLint.Run(monographs, layout.KnownSlugs), .. RulesLint.Run(monographs, layout.Folder)]);
    }

    /// <summary>Reads one file of the content folder it sits in (see <see cref="ContentFolder.Containing"/>).</summary>
    public Monograph Read(Collection collection, string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(file)))
            ? Read(ContentFolder.Containing(file), collection, file)
            : parser.Refused(collection, file, DiagnosticCodes.UnreadableFile.At(file, SourcePosition.FileStart, "the file could not be read: its folder does not exist"));
    }

    /// <summary>Reads one file through the content folder's checks, never more than one byte past the parser's limit.</summary>
    public Monograph Read(ContentFolder folder, Collection collection, string file)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(file);
        var read = folder.Read(file, parser.Limits.MaxBytes);
        return read switch
        {
            { Problem: { } problem } => parser.Refused(collection, file, problem),
            { TooLarge: true } => parser.TooLarge(collection, file, Convert.ToHexStringLower(SHA256.HashData(read.Bytes))),
            _ => parser.Parse(collection, file, read.Bytes),
        };
    }
}
