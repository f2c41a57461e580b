using Formulary.Storage.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Formulary.Storage.Indexing;

/// <summary>
/// One search's queries, weighted once on the searching thread and shared by every range of its ranking
/// (<see cref="RankRun"/>; a Lucene weight makes a scorer per segment and may be used by several threads): the match
/// (<see cref="IndexedDocument.AllField"/>), the tiers' (exact name, names, indications) and how many documents the match
/// may find at most (<see cref="Estimate"/>, which decides the split). A prefix word's documents are computed once per
/// segment and shared with the reader's other searches (<see cref="PrefixWords"/>).
/// </summary>
internal sealed class RankWeights
{
    private RankWeights(Weight all, Weight? exact, Weight named, Weight indicated, int estimate)
    {
        All = all;
        Exact = exact;
        Named = named;
        Indicated = indicated;
        Estimate = estimate;
    }

    public Weight All { get; }

    public Weight? Exact { get; }

    public Weight Named { get; }

    public Weight Indicated { get; }

    /// <summary>At most this many documents match: the fewest of any one word.</summary>
    public int Estimate { get; }

    public static RankWeights For(IndexSearcher searcher, IReadOnlyList<string> terms)
    {
        var reader = searcher.IndexReader;
        var estimate = int.MaxValue;
        var all = Match(searcher, terms, IndexedDocument.AllField, words => estimate = Math.Min(estimate, words));
        var exact = IndexQueries.ExactName(terms) is { } name ? searcher.CreateNormalizedWeight(name) : null;
        return new(
            all,
            exact,
            Match(searcher, terms, IndexedDocument.NamedField, estimate: null),
            Match(searcher, terms, IndexedDocument.IndicatedField, estimate: null),
            Math.Min(estimate, reader.MaxDoc));
    }

    /// <summary>
    /// <see cref="IndexQueries.Match"/>, each prefix word as the reader's searches share it (<see cref="PrefixWords"/>);
    /// each word's estimate told (a prefix's merged documents counted only then).
    /// </summary>
    private static Weight Match(IndexSearcher searcher, IReadOnlyList<string> terms, string field, Action<int>? estimate)
    {
        var reader = searcher.IndexReader;
        var all = new BooleanQuery(disableCoord: true);
        for (var i = 0; i < terms.Count; i++)
        {
            var word = IndexQueries.Word(terms, i, field);
            switch (word)
            {
                case TermQuery term:
                    estimate?.Invoke(reader.DocFreq(term.Term));
                    break;
                case PrefixQuery prefix:
                    (word, var words) = PrefixWords.Of(reader, prefix);
                    if (estimate is not null)
                    {
                        estimate(words.Value);
                    }

                    break;
                default:
                    throw new InvalidOperationException($"unexpected word query {word.GetType().Name}");
            }

            all.Add(word, Occur.MUST);
        }

        return searcher.CreateNormalizedWeight(all);
    }
}
