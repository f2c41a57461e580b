using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Formulary.Monographs.Loading;

/// <summary>
/// What a content path holds, listed before anything is read (<see cref="IncrementalLoader.List"/>): the files,
/// each one's slug and whether another file of its collection claims the same slug. Listing needs neither the
/// store nor its lock, so a publisher lists while the store's state loads, and stamps the files then too
/// (<see cref="StampAll"/>).
/// </summary>
public sealed class ContentListing
{
    internal ContentListing(string path, ContentLayout layout)
    {
        Path = path;
        Layout = layout;
        var files = layout.Files;
        Slugs = new string[files.Count];
        Duplicated = new bool[files.Count];
        // Each collection and slug (ignoring case: slugs are ASCII) with the first file that claims it.
        var claims = new Dictionary<(Collection, string), int>(files.Count, Lint.ContentSetLint.SlugClaim.Comparer);
        for (var i = 0; i < files.Count; i++)
        {
            Slugs[i] = SlugRule.FromFileName(files[i].Path);
            ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(claims, (files[i].Collection, Slugs[i]), out var claimed);
            if (claimed)
            {
                Duplicated[first] = Duplicated[i] = true;
            }
            else
            {
                first = i;
            }
        }

        digest = new Lazy<long>(() => DigestOf(layout, Slugs, Duplicated));
    }

    /// <summary>
    /// What, besides the files' contents, decides each document's cross-document findings in a load of this listing: the
    /// content folder, the parser version, every file's collection, path and slug and whether another file claims its slug,
    /// and the slugs known beside them (<see cref="ContentLayout.KnownSlugs"/>, before the load adds the listed ones). Under
    /// two listings with the same digest, a document whose files did not change, among documents whose files did not
    /// change, has the same findings; a store records the digest with each import, so an import of the same listing in which
    /// no file changed need not check them again (<see cref="IncrementalLoader.Unchanged"/>). An XXH3 hash (64 bits): it
    /// tells listings apart, it protects nothing. Worked out when first asked for, so a publisher does it while the files
    /// are stamped.
    /// </summary>
    public long Digest => digest.Value;

    /// <summary>
    /// The entries there but not read, as listed: links leading outside the folder or nowhere, FIFOs, folders named like a
    /// monograph, folders that could not be listed (each with its finding in <see cref="IncrementalLoader.LooseDiagnostics"/>).
    /// A document whose file is one of them is not gone.
    /// </summary>
    public IEnumerable<string> Unread => Layout.Skipped.Select(d => d.File);

    /// <summary>The path as given.</summary>
    public string Path { get; }

    internal ContentLayout Layout { get; }

    /// <summary>Each file's slug, by the index of <see cref="ContentLayout.Files"/>.</summary>
    internal string[] Slugs { get; }

    /// <summary>Whether another file of the same collection has the same slug, ignoring case: then neither is compared with the store.</summary>
    internal bool[] Duplicated { get; }

    /// <summary>Each file's stamp (<see cref="StampAll"/>), by the index of <see cref="ContentLayout.Files"/>; null until taken.</summary>
    internal SourceStamp?[]? Stamps { get; private set; }

    private readonly Lazy<long> digest;

    private static long DigestOf(ContentLayout layout, string[] slugs, bool[] duplicated)
    {
        var hash = new XxHash3();
        Add(hash, System.IO.Path.GetFullPath(layout.Folder.Root));
        Add(hash, Parsing.MonographParser.ModelVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        for (var i = 0; i < slugs.Length; i++)
        {
            var (collection, path) = layout.Files[i];
            Add(hash, collection.FolderName());
            Add(hash, path);
            Add(hash, duplicated[i] ? "*" : string.Empty);
            Add(hash, slugs[i]);
        }

        foreach (var (collection, known) in layout.KnownSlugs.OrderBy(k => k.Key))
        {
            Add(hash, "known:" + collection.FolderName());
            foreach (var slug in known.Order(StringComparer.Ordinal))
            {
                Add(hash, slug);
            }
        }

        return unchecked((long)hash.GetCurrentHashAsUInt64());

        // Each text with its length first, so no two lists of texts hash the same bytes.
        static void Add(XxHash3 hash, string text)
        {
            Span<byte> length = stackalloc byte[sizeof(int)];
            BinaryPrimitives.WriteInt32LittleEndian(length, text.Length);
            hash.Append(length);
            hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
        }
    }

    /// <summary>
    /// Takes the stamp of every listed file and its rules file (one <c>lstat</c> each, nothing read), so a load that
    /// finds a recorded stamp still holding (<see cref="RecordedStamp.Vouches"/>) needs no system call: a publisher
    /// stamps while the store's state loads. A stamp taken earlier than the read it spares vouches for no more: the
    /// store's record says what was read when, and a file changed after the stamp is a change the next import sees.
    /// Cancelled (a store that recorded no stamps needs none), it leaves <see cref="Stamps"/> unset.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public void StampAll(CancellationToken cancellationToken = default)
    {
        var (folder, files) = (Layout.Folder, Layout.Files);
        var stamps = new SourceStamp?[files.Count];
        // One system call per file, nothing shared: the files are split between the cores in a few large runs.
        var parts = files.Count < 4096 ? 1 : Environment.ProcessorCount;
        Parallel.For(0, parts, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = parts }, part =>
        {
            var (from, to) = (files.Count * part / parts, files.Count * (part + 1) / parts);
            for (var i = from; i < to; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                stamps[i] = IncrementalLoader.StampOf(folder, files[i].Path);
            }
        });

        Stamps = stamps;
    }
}
