using System.Buffers;
using System.Text.Json;

namespace Formulary.Web.Export;

/// <summary>
/// The entries of <c>search-index.json</c> as the pages are written, kept out of memory until the last page: each entry is
/// written as its JSON into a temporary file (deleted when the spool is disposed) as it comes, in any order, and the index
/// is then written in the listing's order from that file. An entry is a document's names and up to 1,200 characters of
/// its text: at 100,000 documents the index is ~170 MB of JSON, which held as objects was about half of the export's
/// peak memory (BENCHMARKS.md, issue 7). The file holds the same bytes <see cref="SearchIndexWriter"/> writes for an
/// entry, so the index is byte for byte what writing the entries from memory gives.
/// </summary>
internal sealed class SearchIndexSpool : IDisposable
{
    private readonly FileStream file = new(
        Path.Combine(Path.GetTempPath(), $"formulary-export-{Guid.NewGuid():N}.spool"),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16, FileOptions.DeleteOnClose);

    private readonly (long Offset, int Length)[] entries;
    private readonly Lock writing = new();

    public SearchIndexSpool(int count) => entries = new (long, int)[count];

    /// <summary>Where the entries are kept until the spool is disposed.</summary>
    public string FilePath => file.Name;

    /// <summary>Keeps the entry at <paramref name="index"/> of the listing (a later one for the same index replaces it).</summary>
    public void Add(int index, SearchIndexEntry entry)
    {
        var json = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(json))
        {
            SearchIndexWriter.WriteEntry(writer, entry);
        }

        lock (writing)
        {
            entries[index] = (file.Position, json.WrittenCount);
            file.Write(json.WrittenSpan);
        }
    }

    /// <summary>Writes <c>search-index.json</c> with the kept entries in the listing's order.</summary>
    public void WriteTo(Stream output)
    {
        lock (writing)
        {
            file.Flush();
            SearchIndexWriter.Write(output, Kept());
        }
    }

    public void Dispose() => file.Dispose();

    private IEnumerable<ReadOnlyMemory<byte>> Kept()
    {
        var buffer = new byte[4096];
        foreach (var (offset, length) in entries)
        {
            if (length == 0)
            {
                continue;
            }

            if (buffer.Length < length)
            {
                buffer = new byte[length];
            }

            file.Position = offset;
            file.ReadExactly(buffer, 0, length);
            yield return buffer.AsMemory(0, length);
        }
    }
}
