using System.Text;
using BenchmarkDotNet.Attributes;
using Formulary.Monographs;
using Formulary.Monographs.Loading;
using Formulary.Monographs.Model;
using Formulary.Monographs.Parsing;
using Markdig;
using YamlDotNet.RepresentationModel;

namespace Formulary.Benchmarks.Parsing;

/// <summary>
/// Parse + lint throughput on the generated corpus against the baseline: the same documents read
/// by bare YamlDotNet (representation model) and Markdig, without repair, positions or lint.
/// Each operation is one document (OperationsPerInvoke), so docs/s = 1e9 / mean ns.
/// </summary>
[MemoryDiagnoser]
public class ParsingBenchmarks
{
    private const int Count = 5000;
    private static readonly MarkdownPipeline BarePipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();
    private IReadOnlyList<GeneratedDocument> documents = [];

    [GlobalSetup]
    public void Setup() => documents = CorpusGenerator.Generate(RepositoryContent.Find(), Count);

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int BareMarkdigAndYamlDotNet()
    {
        var blocks = 0;
        foreach (var document in documents)
        {
            var text = Encoding.UTF8.GetString(document.Content);
            var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
            var yaml = new YamlStream();
            yaml.Load(new StringReader(text[4..end]));
            blocks += Markdown.Parse(text[(end + 4)..], BarePipeline).Count;
        }

        return blocks;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int ParseAndLint()
    {
        var parser = MonographParser.Default;
        var monographs = new List<Monograph>(documents.Count);
        foreach (var document in documents)
        {
            monographs.Add(parser.Parse(document.Collection, document.RelativePath, document.Content));
        }

        return new ContentSet(monographs, []).Monographs.Count + Lint(monographs);
    }

    private static int Lint(List<Monograph> monographs)
    {
        var known = Enum.GetValues<Collection>().ToDictionary(c => c, c => monographs.Where(m => m.Collection == c).Select(m => m.Slug).ToHashSet(StringComparer.Ordinal));
        return Formulary.Monographs.Lint.ContentSetLint.Run(monographs, known).Count;
    }
}
