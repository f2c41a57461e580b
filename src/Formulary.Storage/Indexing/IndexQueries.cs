using Formulary.Storage.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Formulary.Storage.Indexing;

/// <summary>
/// The SQL search's queries over the index: every word required (AND), a word <see cref="SearchTerms.IsPrefix"/> names
/// matched as a prefix, in one field: <see cref="IndexedDocument.AllField"/> (the match, scored as FTS5's weighted bm25),
/// <see cref="IndexedDocument.NamedField"/> (tier 1) or <see cref="IndexedDocument.IndicatedField"/> (tier 2).
/// </summary>
internal static class IndexQueries
{
    public static Query Match(IReadOnlyList<string> terms, string field)
    {
        var all = new BooleanQuery(disableCoord: true);
        for (var i = 0; i < terms.Count; i++)
        {
            all.Add(Word(terms, i, field), Occur.MUST);
        }

        return all;
    }

    /// <summary>
    /// Word <paramref name="index"/> of <paramref name="terms"/>, matched as in the whole query. A prefix scores a constant
    /// where FTS5 counts each word it matches: the difference orders hits within one ranking group only.
    /// </summary>
    public static Query Word(IReadOnlyList<string> terms, int index, string field)
    {
        var word = new Term(field, NameKey.Compact(terms[index]));
        return SearchTerms.IsPrefix(terms, index) ? new PrefixQuery(word) : new TermQuery(word);
    }

    /// <summary>The documents with an exact name of the query's key (<see cref="NameKey.Key"/>): tier 0 when they match.</summary>
    public static Query? ExactName(IReadOnlyList<string> terms) =>
        NameKey.Key(string.Join(' ', terms)) is { Length: > 0 } key ? new TermQuery(new Term(IndexedDocument.KeyField, key)) : null;
}
