using System.Runtime.CompilerServices;
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
/// is read once and hashed, unless the stamp the store recorded when it last read them vouches that they are
/// unchanged (<see cref="RecordedStamp"/>: then they are not read at all); a file whose hash and parser version equal
/// what the store holds is not parsed; the others are parsed, their rules loaded and checked against the new text. Cross-document
/// checks (links, duplicate slugs) need only the listing and each document's links (stored ones for
/// unchanged documents), so each document comes out with them, and none has to wait for the whole folder.
/// </summary>
/// <param name="parser">The parser; by default <see cref="MonographParser.Default"/>, built only when a file must be parsed (an unchanged folder parses none).</param>
public sealed class IncrementalLoader(MonographParser? parser = null)
{
    /// <summary>
    /// How many documents are read ahead of the caller: enough to keep every core parsing while the caller
    /// (the store's single writer) works, few enough that memory does not grow with the folder.
    /// </summary>
    public const int ReadAhead = 64;

    /// <summary>Lists the files under <paramref name="path"/> (a content folder, a collection folder or one file); reads none.</summary>
    public static ContentListing List(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new ContentListing(path, ContentLayout.Of(path));
    }

    /// <summary>Starts the load of what <paramref name="listing"/> lists; the documents are read as they are enumerated.</summary>
    /// <param name="stored">What the store holds for a collection and slug (null: nothing); called once per document, in order, from one thread at a time (and first once per slug that several files claim).</param>
    public IncrementalLoad Load(ContentListing listing, Func<Collection, string, StoredContent?> stored, IProgress<LoadProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentNullException.ThrowIfNull(stored);
        var (path, layout) = (listing.Path, listing.Layout);
        var files = layout.Files;
        var keys = new (Collection, string)[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            keys[i] = (files[i].Collection, listing.Slugs[i]);
            layout.KnownSlugs.GetValueOrDefault(files[i].Collection)?.Add(listing.Slugs[i]);
        }

        var duplicates = Duplicates(listing, stored);
        var isRoot = IsContentFolder(path);
        // A document that need not be read is handed over as it is, without a task of its own.
        Task<LoadedDocument> Start(int i, CancellationToken token)
        {
            var previous = listing.Duplicated[i] ? null : stored(files[i].Collection, listing.Slugs[i]);
            return Unread(listing, i, previous, duplicates) is { } unread
                ? Task.FromResult(unread)
                : Task.Run(() => ReadOne(layout, files[i].Collection, files[i].Path, listing.Slugs[i], previous, duplicates), token);
        }

        return new IncrementalLoad(keys, ReadAllAsync(files.Count, Start, progress), LooseDiagnostics(listing), isRoot || File.Exists(path), ContentRoot(listing));
    }

    /// <summary>The content folder the listed files are read through, as given (their paths start with it).</summary>
    public static string ContentRoot(ContentListing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        return listing.Layout.Folder.Root;
    }

    /// <summary>What a listing reports besides its documents: the entries skipped for safety and, in a content folder, Markdown files outside its collection folders and rules files with no monograph.</summary>
    public static IReadOnlyList<Diagnostic> LooseDiagnostics(ContentListing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        return [.. listing.Layout.Skipped, .. listing.Layout.Misplaced, .. IsContentFolder(listing.Path) ? OrphanRules(listing.Layout.Folder, listing.Path) : []];
    }

    private static bool IsContentFolder(string path) =>
        Directory.Exists(path) && Enum.GetValues<Collection>().Any(c => Directory.Exists(Path.Combine(path, c.FolderName())));

    /// <summary>
    /// The MONO041 findings of the files that claim a slug another file claims too, by file. The file the store publishes the
    /// slug from now (<see cref="StoredContent.SourcePath"/>) is kept when the rule lets it (<see cref="ContentSetLint.Duplicates"/>).
    /// </summary>
    private static ILookup<string, Diagnostic> Duplicates(ContentListing listing, Func<Collection, string, StoredContent?> stored)
    {
        var (files, root) = (listing.Layout.Files, listing.Layout.Folder.Root);
        var claims = Enumerable.Range(0, files.Count).Where(i => listing.Duplicated[i]).Select(i => (files[i].Collection, listing.Slugs[i], files[i].Path)).ToList();
        string? Published(Collection collection, string slug) =>
            stored(collection, slug)?.SourcePath is { } relative && Path.GetFullPath(Path.Join(root, relative)) is var full
                ? claims.FirstOrDefault(c => c.Collection == collection && string.Equals(Path.GetFullPath(c.Path), full, StringComparison.Ordinal)).Path
                : null;
        return ContentSetLint.Duplicates(claims, claims.Count == 0 ? null : Published).ToLookup(d => d.File, StringComparer.Ordinal);
    }

    /// <summary>
    /// The listed documents (collection, slug, path) when none needs reading: every file was stamped with the listing
    /// (<see cref="ContentListing.StampAll"/>), no slug is claimed twice, and <paramref name="stored"/> gives for each a
    /// stored head from this parser version whose recorded stamp still vouches for its files. Null when one does not. With
    /// the listing's <see cref="ContentListing.Digest"/> equal to the one the store recorded at its last import, nothing
    /// that decides a document's findings has changed either, so nothing need be checked or written.
    /// </summary>
    /// <param name="stored">A live stored document's parser version and recorded stamp; null when there is none.</param>
    public static IReadOnlyList<(Collection Collection, string Slug, string SourcePath)>? Unchanged(
        ContentListing listing, Func<Collection, string, (int ModelVersion, RecordedStamp? Stamp)?> stored)
    {
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentNullException.ThrowIfNull(stored);
        if (listing.Stamps is not { } stamps)
        {
            return null;
        }

        var files = listing.Layout.Files;
        var documents = new (Collection, string, string)[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            var (collection, file) = files[i];
            if (listing.Duplicated[i] || stored(collection, listing.Slugs[i]) is not (var modelVersion, var recorded) || !StillHolds(modelVersion, recorded, stamps[i]))
            {
                return null;
            }

            documents[i] = (collection, listing.Slugs[i], file);
        }

        return documents;
    }

    /// <summary>
    /// Reads document 0, 1, 2… in parallel (<paramref name="start"/> starts each) but hands them out in order, at most
    /// <see cref="ReadAhead"/> ahead of the caller; stopping the enumeration early stops the reads. The caller's own
    /// thread starts the next documents as it asks for one: a document that need not be read is ready at once, so a
    /// starter of its own would hand each one over through a channel and wake the other side for every document.
    /// </summary>
    private static async IAsyncEnumerable<LoadedDocument> ReadAllAsync(
        int count, Func<int, CancellationToken, Task<LoadedDocument>> start, IProgress<LoadProgress>? progress,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var window = new Queue<Task<LoadedDocument>>(ReadAhead);
        var started = 0;
        try
        {
            for (var done = 1; done <= count; done++)
            {
                while (started < count && window.Count < ReadAhead)
                {
                    stop.Token.ThrowIfCancellationRequested();
                    window.Enqueue(start(started++, stop.Token));
                }

                var document = await window.Dequeue();
                stop.Token.ThrowIfCancellationRequested();
                progress?.Report(new LoadProgress(done, count, document.SourcePath));
                yield return document;
            }
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var pending in window)
            {
                await ((Task)pending).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>
    /// Document <paramref name="index"/> of <paramref name="listing"/> when its files need not be read: the store holds it
    /// from this parser version, and the stamp it recorded when it last read them still holds (stamped now, or with the
    /// listing: <see cref="ContentListing.StampAll"/>); null when they must be read.
    /// </summary>
    private static LoadedDocument? Unread(ContentListing listing, int index, StoredContent? previous, ILookup<string, Diagnostic> duplicates)
    {
        if (previous is not { Stamp: not null } || previous.ModelVersion != MonographParser.ModelVersion)
        {
            return null;
        }

        var (layout, (collection, file), slug) = (listing.Layout, listing.Layout.Files[index], listing.Slugs[index]);
        var now = listing.Stamps is { } stamps ? stamps[index] : StampOf(layout.Folder, file);
        return StillHolds(previous.ModelVersion, previous.Stamp, now)
            ? new LoadedDocument(collection, slug, file, previous.ContentHash, null, null, null, Cross(layout, collection, slug, file, previous.Links, duplicates)) { Read = false }
            : null;
    }

    /// <summary>Whether a stored document from this parser version, whose files' stamp was recorded, still holds: the stamp taken now vouches for them.</summary>
    private static bool StillHolds(int modelVersion, RecordedStamp? recorded, SourceStamp? now) =>
        modelVersion == MonographParser.ModelVersion && recorded is not null && now is not null && recorded.Vouches(now);

    /// <summary>A document's cross-document findings: a slug another file claims too, links to documents that do not exist.</summary>
    private static IReadOnlyList<Diagnostic> Cross(
        ContentLayout layout, Collection collection, string slug, string file, IReadOnlyList<MonographLink> links, ILookup<string, Diagnostic> duplicates) =>
        [.. duplicates[file], .. ContentSetLint.BrokenLinks(new DocumentLinks(collection, slug, file, links), layout.KnownSlugs)];

    private LoadedDocument ReadOne(
        ContentLayout layout, Collection collection, string file, string slug, StoredContent? previous, ILookup<string, Diagnostic> duplicates)
    {
        var (folder, parsing) = (layout.Folder, parser ?? MonographParser.Default);
        var rulesFile = RulesLoader.RulesPathFor(file);
        var hasRules = folder.Exists(rulesFile);
        IReadOnlyList<Diagnostic> Cross(IReadOnlyList<MonographLink> links) => IncrementalLoader.Cross(layout, collection, slug, file, links, duplicates);
        var current = previous is not null && previous.ModelVersion == MonographParser.ModelVersion;
        var read = folder.Read(file, parsing.Limits.MaxBytes);
        var rulesRead = hasRules ? folder.Read(rulesFile, RulesLoader.MaxBytes) : null;
        var usable = read is { Problem: null, TooLarge: false };
        var rulesUsable = rulesRead is { Problem: null, TooLarge: false };
        var hash = Convert.ToHexStringLower(SHA256.HashData(read.Bytes));
        var contentHash = !rulesUsable ? hash : $"{hash}+{Convert.ToHexStringLower(SHA256.HashData(rulesRead!.Bytes))}";
        // A stamp is recorded only for files whose bytes all went into the hash (nothing refused, nothing cut).
        var stamp = usable && read.Stamp is { } markdown && (!hasRules || (rulesUsable && rulesRead!.Stamp is not null))
            ? new SourceStamp(markdown, rulesRead?.Stamp)
            : null;
        if (usable && current && previous!.ContentHash == contentHash)
        {
            return new LoadedDocument(collection, slug, file, contentHash, null, null, null, Cross(previous.Links)) { Stamp = stamp };
        }

        string? text = null;
        var monograph = read switch
        {
            { Problem: { } problem } => parsing.Refused(collection, file, problem),
            { TooLarge: true } => parsing.TooLarge(collection, file, hash),
            _ => parsing.Parse(collection, file, read.Bytes, hash, out text),
        };
        RulesSource? rules = null;
        if (hasRules)
        {
            var rulesText = rulesUsable ? Decode(rulesRead!.Bytes) : null;
            var result = rulesText is not null ? RulesLoader.Load(rulesFile, rulesText, monograph) : RulesLoader.LoadFile(rulesFile, monograph, folder);
            rules = rulesText is null ? null : new RulesSource(rulesFile, rulesText);
            monograph = monograph with { Diagnostics = [.. monograph.Diagnostics, .. result.Diagnostics] };
        }

        var source = usable ? text ?? Decode(read.Bytes) : string.Empty;
        return new LoadedDocument(collection, slug, file, usable ? contentHash : monograph.ContentHash, monograph, source, rules, Cross(monograph.Links)) { Stamp = stamp };
    }

    /// <summary>The stamps of a document's files (its rules file too, when listed), nothing read; null when one of them cannot be stamped (then they are read).</summary>
    internal static SourceStamp? StampOf(ContentFolder folder, string file)
    {
        // Called for every listed file: its rules file's path is looked up in the listing without a string made.
        var length = file.Length + RulesLoader.Suffix.Length;
        var rulesFile = RulesLoader.RulesPathFor(file, length <= 512 ? stackalloc char[length] : new char[length]);
        return folder.Stamp(file) is not { } markdown ? null
            : !folder.Exists(rulesFile) ? new SourceStamp(markdown, null)
            : folder.Stamp(rulesFile.ToString()) is { } rules ? new SourceStamp(markdown, rules)
            : null;
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
