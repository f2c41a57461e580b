using System.IO.Compression;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Formulary.Benchmarks.Parsing;
using Formulary.Monographs.Model;
using Formulary.Monographs.Parsing;
using Formulary.Storage;
using Formulary.Storage.Sqlite;

namespace Formulary.Benchmarks.Storage;

/// <summary>
/// Reading a stored model back (what every uncached page and each page of a static export does first): the packed
/// model decompressed whole into a buffer and read by System.Text.Json from one span (<see cref="SqliteBrotli"/>),
/// against the baseline it replaced, the same bytes read through a <see cref="BrotliStream"/>. One operation is one
/// model of the generated corpus (seed-sized bodies).
/// </summary>
[MemoryDiagnoser]
public class ModelUnpackBenchmarks
{
    private const int Count = 500;
    private byte[][] packed = [];

    [GlobalSetup]
    public void Setup() =>
        packed = [.. CorpusGenerator.Generate(RepositoryContent.Find(), Count)
            .Select(d => SqliteBrotli.PackModel(MonographParser.Default.Parse(d.Collection, d.RelativePath, d.Content)))];

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int ThroughBrotliStream()
    {
        var sections = 0;
        foreach (var model in packed)
        {
            using var brotli = new BrotliStream(new MemoryStream(model), CompressionMode.Decompress);
            sections += JsonSerializer.Deserialize<Monograph>(brotli, ModelJson.Options)!.Sections.Count;
        }

        return sections;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int WholeIntoABuffer()
    {
        var sections = 0;
        foreach (var model in packed)
        {
            sections += SqliteBrotli.UnpackModel(model).Sections.Count;
        }

        return sections;
    }
}
