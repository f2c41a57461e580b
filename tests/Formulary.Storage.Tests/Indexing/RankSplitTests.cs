using Formulary.Monographs;
using Formulary.Storage.Importing;
using Formulary.Storage.Indexing;
using Formulary.Storage.Search;
using Formulary.Storage.Sqlite;
using Formulary.Storage.Tests.Sqlite;
using static Formulary.Storage.Tests.TestMonographs;

namespace Formulary.Storage.Tests.Indexing;

/// <summary>
/// A ranking split into ranges taken by several threads (<see cref="RankRun"/>) against the same ranking in one range:
/// the same matches in the same order with the same scores, the same totals and counts per collection, for every
/// query, collection and page, over an index of several segments with deleted documents (a second import caught up).
/// </summary>
public sealed class RankSplitTests
{
    private static readonly string[] Words = ["renal", "dose", "dosage", "pain", "fever", "hepatic", "infusion", "tablet", "adults", "children", "weekly", "monitor"];

    private static readonly string[] Queries = ["renal dose", "dos", "renal", "pain fever", "fever pain", "hepatic infusion", "tablet", "children dosage", "monitor wee", "adults"];

    public static TheoryData<int, int> Splits => new() { { 2, 1 }, { 2, 4 }, { 3, 3 }, { 4, 7 } };

    [Theory]
    [MemberData(nameof(Splits))]
    public async Task Rank_SplitIntoRanges_SameOrderScoresAndCountsAsOneRange(int workers, int rangesPerWorker)
    {
        await using var store = SqliteStores.Create(TimeProvider.System);
        await store.ImportAsync(Corpus(version: 1), ImportOptions.WholeContentSet);
        var index = IndexedStores.Start(store);
        await index.CatchUpAsync(CancellationToken.None);
        await store.ImportAsync(Corpus(version: 2), ImportOptions.WholeContentSet);
        await index.CatchUpAsync(CancellationToken.None);
        var generation = await store.GetGenerationAsync();
        var split = new RankSplit(workers, rangesPerWorker, FromMatches: 0);

        using var lease = index.Lease(generation) ?? throw new InvalidOperationException("the index is not at the store's generation");
        Assert.True(lease.Reader.Leaves.Count > 1);
        foreach (var query in Queries)
        {
            foreach (var collection in new Collection?[] { null, Collection.Composition, Collection.Combination, Collection.Medicine })
            {
                foreach (var (offset, limit) in new[] { (0, 100), (0, 3), (2, 3), (5, 4), (11, 10) })
                {
                    var request = new SearchRequest(query) { Offset = offset, Limit = limit, Collection = collection };
                    var one = Ranking(lease, RankSplit.None, request);
                    Assert.Equal(one, Ranking(lease, split, request));
                }
            }
        }
    }

    [Fact]
    public async Task Search_SplitIntoRanges_SameResultsAsOneRange()
    {
        await using var one = SqliteStores.Create(TimeProvider.System);
        await one.ImportAsync(Corpus(version: 1), ImportOptions.WholeContentSet);
        await using var split = SqliteMonographStore.Open(one.DatabasePath, TimeProvider.System);
        // A budget no loaded machine runs out of: a timed-out search would answer empty, which is not what is compared.
        one.SearchBudget = split.SearchBudget = TimeSpan.FromSeconds(30);
        var (oneIndex, splitIndex) = (IndexedStores.Start(one), IndexedStores.Start(split));
        oneIndex.Split = RankSplit.None;
        splitIndex.Split = new RankSplit(3, 5, FromMatches: 0);

        // Both indexes go through the same history (version 1, then version 2 caught up over it): Lucene's term
        // statistics count a deleted document until its segment is merged, so an index that first saw version 2
        // scores differently from one that caught up to it, split or not, and that is not what is compared here.
        await Task.WhenAll(oneIndex.CatchUpAsync(CancellationToken.None), splitIndex.CatchUpAsync(CancellationToken.None));
        await one.ImportAsync(Corpus(version: 2), ImportOptions.WholeContentSet);
        await Task.WhenAll(oneIndex.CatchUpAsync(CancellationToken.None), splitIndex.CatchUpAsync(CancellationToken.None));

        foreach (var query in Queries)
        {
            var request = new SearchRequest(query) { Limit = 7, Offset = 1 };
            var (expected, actual) = (await one.SearchAsync(request), await split.SearchAsync(request));
            Assert.False(expected.TimedOut || actual.TimedOut, query);
            Assert.True(expected.Total > 0, query);
            Assert.Equal(Results(expected), Results(actual));
        }
    }

    private static string Ranking(IndexLease lease, RankSplit split, SearchRequest request)
    {
        var (page, total, counts) = lease.Rank(SearchTerms.Parse(request.Query), request, SearchDeadline.After(TimeSpan.FromSeconds(30), TimeProvider.System), split);
        return $"{total} {string.Join(',', counts)}: {string.Join(' ', page.Select(r => $"{r.Slug}/{r.Document.Tier}/{r.Document.Score:R}"))}";
    }

    private static string Results(SearchResults results) =>
        $"{results.Total} {string.Join(',', results.Counts)}: {string.Join('\n', results.Hits.Select(h => $"{h.Url} {h.Score:R} {h.SnippetHtml}"))}";

    /// <summary>
    /// 90 documents of words drawn from <see cref="Words"/> (a fixed seed), some words in titles and indications (tiers);
    /// version 2 rewrites every fifth composition and removes none, so the index holds deleted documents.
    /// </summary>
    private static List<ImportDocument> Corpus(int version)
    {
        var random = new Random(11);
        string Text(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => Words[random.Next(Words.Length)]));
        var documents = new List<ImportDocument>();
        for (var i = 0; i < 60; i++)
        {
            var usage = Text(3);
            var body = Text(random.Next(5, 40));
            var changed = version == 2 && i % 5 == 0 ? " weekly monitor" : string.Empty;
            documents.Add(Composition($"drug-{i:D2}", $"Drug {i:D2} {(i % 7 == 0 ? Words[i % Words.Length] : "x")}", $"## Usage\n{usage}\n## Dosage\n{body}{changed}"));
        }

        for (var i = 0; i < 15; i++)
        {
            documents.Add(Combination($"drug-{i:D2}-drug-{i + 1:D2}", $"Drug {i:D2} + Drug {i + 1:D2}", $"## Usage\n{Text(4)}\n## Dosage\n{Text(12)}", $"drug-{i:D2}", $"drug-{i + 1:D2}"));
        }

        for (var i = 0; i < 15; i++)
        {
            documents.Add(Brand($"brand-{i:D2}", $"Brand {i:D2} {Words[i % Words.Length]} Tablet", $"drug-{i * 3:D2}", $"## Usage\n{Text(6)}"));
        }

        return documents;
    }
}
