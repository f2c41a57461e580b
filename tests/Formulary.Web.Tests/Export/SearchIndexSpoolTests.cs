using System.Text;
using System.Text.Json;
using Formulary.Web.Export;

namespace Formulary.Web.Tests.Export;

/// <summary>The search index's entries kept in a temporary file while the pages are written, then written in the listing's order.</summary>
public sealed class SearchIndexSpoolTests
{
    [Fact]
    public void WriteTo_EntriesAddedOutOfOrder_WritesThemInListingOrderSkippingTheMissing()
    {
        using var spool = new SearchIndexSpool(count: 4);
        spool.Add(2, Entry("Gamma", "ünïcode <b>"));
        spool.Add(0, Entry("Alpha", "first"));
        spool.Add(3, Entry("Delta", "stale"));
        spool.Add(3, Entry("Delta", "latest")); // the same document again: the later entry replaces it

        var written = Write(spool);

        using var index = JsonDocument.Parse(written);
        var documents = index.RootElement.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(["Alpha", "Gamma", "Delta"], documents.Select(d => d.GetProperty("title").GetString()));
        Assert.Equal("latest", documents[2].GetProperty("sections")[0].GetProperty("text").GetString());
        Assert.Equal("ünïcode <b>", documents[1].GetProperty("sections")[0].GetProperty("text").GetString());
    }

    [Fact]
    public void WriteTo_SameBytesAsEachEntryWrittenInOneWriter()
    {
        var entries = new[] { Entry("Alpha", "a \"quoted\" word"), Entry("Beta", "β-blocker & <script>") };
        using var spool = new SearchIndexSpool(entries.Length);
        for (var i = entries.Length - 1; i >= 0; i--)
        {
            spool.Add(i, entries[i]);
        }

        // The reference: one writer writing the whole index, as the exporter did before the spool.
        using var expected = new MemoryStream();
        using (var json = new Utf8JsonWriter(expected))
        {
            json.WriteStartObject();
            json.WriteStartArray("documents");
            foreach (var entry in entries)
            {
                SearchIndexWriter.WriteEntry(json, entry);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        Assert.Equal(Encoding.UTF8.GetString(expected.ToArray()), Write(spool));
    }

    [Fact]
    public void WriteTo_ALargeIndex_GoesToTheStreamInBoundedPiecesWithTheSameBytes()
    {
        // 2,000 entries of ~1.3 KB: ~2.6 MB of index, forty times the flush size.
        var entries = Enumerable.Range(0, 2_000).Select(i => Entry($"Drug{i:D4}", new string('x', 1_200))).ToList();
        using var spool = new SearchIndexSpool(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            spool.Add(i, entries[i]);
        }

        using var output = new WriteSizes();
        spool.WriteTo(output);

        Assert.True(output.Length > 40L * SearchIndexWriter.FlushBytes);
        // Held until flushed, each piece is at most the flush size plus the entry that crossed it.
        Assert.True(output.LargestWrite < SearchIndexWriter.FlushBytes + 2_000, $"largest write {output.LargestWrite} bytes");
        var documents = JsonDocument.Parse(output.ToArray()).RootElement.GetProperty("documents");
        Assert.Equal(entries.Select(e => e.Title), documents.EnumerateArray().Select(d => d.GetProperty("title").GetString()));
    }

    [Fact]
    public void Dispose_RemovesItsTemporaryFile()
    {
        var spool = new SearchIndexSpool(1);
        spool.Add(0, Entry("Alpha", "text"));
        Assert.True(File.Exists(spool.FilePath));
        Assert.StartsWith(Path.GetTempPath(), spool.FilePath, StringComparison.Ordinal); // never inside the exported site

        spool.Dispose();

        Assert.False(File.Exists(spool.FilePath));
    }

    private static string Write(SearchIndexSpool spool)
    {
        using var output = new MemoryStream();
        spool.WriteTo(output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    /// <summary>A memory stream that records the largest single write it was given.</summary>
    private sealed class WriteSizes : MemoryStream
    {
        public int LargestWrite { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            LargestWrite = Math.Max(LargestWrite, count);
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            LargestWrite = Math.Max(LargestWrite, buffer.Length);
            base.Write(buffer);
        }
    }

    private static SearchIndexEntry Entry(string title, string text) =>
        new(title, $"/composition/{title.ToLowerInvariant()}/", "composition", [title + " brand"], title + " description", [new SearchIndexSection("usage", "Usage", text)]);
}
