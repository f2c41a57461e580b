using System.Diagnostics;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Data.Sqlite;

// usage: spike index CORPUS IDX | spike query CORPUS IDX DB N
var mode = args[0];
var corpus = args[1];
var idx = args[2];
var version = LuceneVersion.LUCENE_48;
Analyzer analyzer = new StandardAnalyzer(version, CharArraySet.EMPTY_SET);
var collections = new[] { "compositions", "combinations", "medicines" };
var files = collections.SelectMany((c, i) => System.IO.Directory.EnumerateFiles(Path.Combine(corpus, c), "*.md").Select(f => (f, i))).OrderBy(x => x.f, StringComparer.Ordinal).ToList();

if (mode == "index")
{
    var sw = Stopwatch.StartNew();
    using var dir = FSDirectory.Open(idx);
    var config = new IndexWriterConfig(version, analyzer) { OpenMode = OpenMode.CREATE, Similarity = new BM25Similarity(), RAMBufferSizeMB = 256 };
    using var writer = new IndexWriter(dir, config);
    foreach (var (f, coll) in files)
    {
        var text = File.ReadAllText(f);
        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        var title = Regex.Match(text, "^title: (.*)$", RegexOptions.Multiline).Groups[1].Value.Trim('"', '\'');
        var body = end > 0 ? text[(end + 4)..] : text;
        var doc = new Document
        {
            new StringField("id", Path.GetFileNameWithoutExtension(f), Field.Store.YES),
            new TextField("title", title, Field.Store.NO),
            new TextField("body", body, Field.Store.NO),
            new NumericDocValuesField("coll", coll),
        };
        writer.AddDocument(doc);
    }
    writer.ForceMerge(1);
    writer.Commit();
    Console.WriteLine($"indexed {files.Count} in {sw.Elapsed.TotalSeconds:F1} s");
    return;
}

var n = int.Parse(args[4]);
var rng = new Random(42);
var queries = new List<(string, string)>();
var word = new Regex("[A-Za-z]{4,}");
while (queries.Count < n)
{
    var (f, _) = files[rng.Next(files.Count)];
    var words = word.Matches(File.ReadAllText(f)).Select(m => m.Value.ToLowerInvariant()).ToList();
    queries.Add((words[rng.Next(words.Count)], words[rng.Next(words.Count)]));
}

using var directory = MMapDirectory.Open(idx);
using var reader = DirectoryReader.Open(directory);
var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };

Query Build(string a, string b)
{
    Query Field(string w, bool prefix)
    {
        var either = new BooleanQuery();
        foreach (var (field, boost) in new[] { ("title", 10f), ("body", 1f) })
        {
            Query q = prefix ? new PrefixQuery(new Term(field, w)) { MultiTermRewriteMethod = MultiTermQuery.SCORING_BOOLEAN_QUERY_REWRITE } : new TermQuery(new Term(field, w));
            q.Boost = boost;
            either.Add(q, Occur.SHOULD);
        }
        return either;
    }
    var all = new BooleanQuery { { Field(a, false), Occur.MUST }, { Field(b, true), Occur.MUST } };
    return all;
}

double[] RunLucene(out long hits)
{
    var t = new double[queries.Count];
    hits = 0;
    for (var i = 0; i < queries.Count; i++)
    {
        var sw = Stopwatch.StartNew();
        var top = TopScoreDocCollector.Create(10, true);
        var counts = new CountingCollector(top);
        searcher.Search(Build(queries[i].Item1, queries[i].Item2), counts);
        var docs = top.GetTopDocs();
        t[i] = sw.Elapsed.TotalMilliseconds;
        hits += counts.Counts.Sum();
    }
    return t;
}

using var sqlite = new SqliteConnection($"Data Source={args[3]};Mode=ReadOnly");
sqlite.Open();
double[] RunFts(out long rows)
{
    var t = new double[queries.Count];
    rows = 0;
    using var cmd = sqlite.CreateCommand();
    cmd.CommandText = "SELECT rowid FROM search WHERE search MATCH $q ORDER BY bm25(search, 10.0, 8.0, 4.0, 1.0) LIMIT 10";
    var p = cmd.Parameters.Add("$q", SqliteType.Text);
    for (var i = 0; i < queries.Count; i++)
    {
        var sw = Stopwatch.StartNew();
        p.Value = $"\"{queries[i].Item1}\" \"{queries[i].Item2}\"*";
        using var r = cmd.ExecuteReader();
        while (r.Read()) rows++;
        t[i] = sw.Elapsed.TotalMilliseconds;
    }
    return t;
}

static string Stats(double[] t)
{
    var s = t.OrderBy(x => x).ToArray();
    double P(double q) => s[(int)Math.Min(s.Length - 1, Math.Ceiling(q * s.Length) - 1)];
    return $"p50 {P(0.5):F2} ms  p90 {P(0.9):F2}  p99 {P(0.99):F2}  max {s[^1]:F2}";
}

// warm both with a different query set order, then measure alternately
RunLucene(out _); RunFts(out _);
for (var round = 0; round < 2; round++)
{
    Console.WriteLine($"lucene round {round}: {Stats(RunLucene(out var h))}  (matches counted {h})");
    Console.WriteLine($"fts5   round {round}: {Stats(RunFts(out var r))}  (rows {r})");
}

sealed class CountingCollector(ICollector inner) : ICollector
{
    public long[] Counts { get; } = new long[3];
    private NumericDocValues? coll;
    public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);
    public void Collect(int doc) { Counts[coll!.Get(doc)]++; inner.Collect(doc); }
    public void SetNextReader(AtomicReaderContext context) { coll = context.AtomicReader.GetNumericDocValues("coll"); inner.SetNextReader(context); }
    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;
}
