using System.Buffers;
using System.IO.Compression;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Formulary.Benchmarks.Parsing;
using Formulary.Monographs.Model;
using Formulary.Monographs.Parsing;
using Formulary.Storage;
using Formulary.Storage.Sqlite;
using Formulary.Storage.Versions;

namespace Formulary.Benchmarks.Storage;

/// <summary>
/// Packing what an import stores for each version besides its source text: the model and its rendered sections as the
/// store's JSON, Brotli-packed (<see cref="SqliteBrotli"/>), against the baseline it replaced, the same JSON escaped for
/// HTML (System.Text.Json's default encoder: <c>&lt;</c>, quotes, apostrophes and non-ASCII letters as six-byte escapes).
/// One operation is one document of the generated corpus (seed-sized bodies).
/// </summary>
[MemoryDiagnoser]
public class ModelPackBenchmarks
{
    private const int Count = 500;
    private (Monograph Model, StoredSections Sections)[] documents = [];

    [GlobalSetup]
    public void Setup() =>
        documents = [.. CorpusGenerator.Generate(RepositoryContent.Find(), Count)
            .Select(d => MonographParser.Default.Parse(d.Collection, d.RelativePath, d.Content))
            .Select(m => (m, StoredSections.Of(m)))];

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public long EscapedForHtml()
    {
        long bytes = 0;
        var json = new ArrayBufferWriter<byte>(64 * 1024);
        using var writer = new Utf8JsonWriter(json);
        foreach (var (model, sections) in documents)
        {
            bytes += Pack(json, writer, w => JsonSerializer.Serialize(w, model, ModelJsonContext.Default.Monograph));
            bytes += Pack(json, writer, w => JsonSerializer.Serialize(w, sections, ModelJsonContext.Default.StoredSections));
        }

        return bytes;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public long AsStored()
    {
        long bytes = 0;
        foreach (var (model, sections) in documents)
        {
            bytes += SqliteBrotli.PackModel(model).Length + SqliteBrotli.PackSections(sections).Length;
        }

        return bytes;
    }

    /// <summary>The old packer: the JSON written into a kept buffer, then packed whole at Brotli's quality 1.</summary>
    private static int Pack(ArrayBufferWriter<byte> json, Utf8JsonWriter writer, Action<Utf8JsonWriter> serialize)
    {
        json.ResetWrittenCount();
        writer.Reset(json);
        serialize(writer);
        writer.Flush();
        var buffer = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(json.WrittenCount));
        try
        {
            return BrotliEncoder.TryCompress(json.WrittenSpan, buffer, out var written, quality: 1, window: 22) ? buffer.AsSpan(0, written).ToArray().Length : throw new InvalidOperationException();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
