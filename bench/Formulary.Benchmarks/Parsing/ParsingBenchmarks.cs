using System.Text;
using BenchmarkDotNet.Attributes;
using Formulary.Monographs;
using Formulary.Monographs.Lint;
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

    /// <summary>
    /// Parse and lint every document (per-document checks inside <c>Parse</c>), keeping only what the
    /// cross-document checks need, then run those (links, duplicate slugs): like the baseline, the
    /// parsed documents are dropped as it goes.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int ParseAndLint()
    {
        var parser = MonographParser.Default;
        var links = new List<DocumentLinks>(documents.Count);
        var diagnostics = 0;
        foreach (var document in documents)
        {
            var monograph = parser.Parse(document.Collection, document.RelativePath, document.Content);
            diagnostics += monograph.Diagnostics.Count;
            links.Add(DocumentLinks.Of(monograph));
        }

        return diagnostics + ContentSetLint.Run(links, KnownSlugs(links)).Count;
    }

    /// <summary>The same work keeping all 5,000 parsed documents in memory, as a loaded content set does: adds the GC cost of a large live heap.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int ParseAndLintRetainingAll()
    {
        var parser = MonographParser.Default;
        var monographs = new List<Monograph>(documents.Count);
        foreach (var document in documents)
        {
            monographs.Add(parser.Parse(document.Collection, document.RelativePath, document.Content));
        }

        var links = monographs.Select(DocumentLinks.Of).ToList();
        return new ContentSet(monographs, ContentSetLint.Run(links, KnownSlugs(links))).Monographs.Count;
    }

    private static Dictionary<Collection, HashSet<string>> KnownSlugs(List<DocumentLinks> links) =>
        Enum.GetValues<Collection>().ToDictionary(c => c, c => links.Where(l => l.Collection == c).Select(l => l.Slug).ToHashSet(StringComparer.Ordinal));
}
