using Formulary.Storage.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Formulary.Storage.Indexing;

/// <summary>
/// The SQL search's queries over the index: every word required (AND), each found in any of the first
/// <c>fields</c> of <see cref="IndexedDocument.Fields"/> with that field's weight; a word <see cref="SearchTerms.IsPrefix"/>
/// names matches as a prefix. All four fields: the match; title and names: tier 1; with indications: tier 2 (as FTS5's
/// <c>{title names} : (…)</c> and <c>{title names indications} : (…)</c>).
/// </summary>
internal static class IndexQueries
{
    public const int AllFields = 4;
    public const int NameFields = 2;
    public const int IndicatedFields = 3;


    public static Query Match(IReadOnlyList<string> terms, int fields)
    {
        var all = new BooleanQuery(disableCoord: true);
        for (var i = 0; i < terms.Count; i++)
        {
            all.Add(Word(terms, i, fields), Occur.MUST);
        }

        return all;
    }

    /// <summary>
    /// Word <paramref name="index"/> of <paramref name="terms"/>, matched as in the whole query. A prefix scores a constant
    /// (its field's weight) where FTS5 counts each word it matches: the difference orders hits within one ranking group only.
    /// </summary>
    public static Query Word(IReadOnlyList<string> terms, int index, int fields)
    {
        var word = NameKey.Compact(terms[index]);
        var prefix = SearchTerms.IsPrefix(terms, index);
        var either = new BooleanQuery(disableCoord: true);
        foreach (var (name, weight) in IndexedDocument.Fields.Take(fields))
        {
            Query field = prefix ? new PrefixQuery(new Term(name, word)) : new TermQuery(new Term(name, word));
            field.Boost = weight;
            either.Add(field, Occur.SHOULD);
        }

        return either;
    }

    /// <summary>The documents with an exact name of the query's key (<see cref="NameKey.Key"/>): tier 0 when they match.</summary>
    public static Query? ExactName(IReadOnlyList<string> terms) =>
        NameKey.Key(string.Join(' ', terms)) is { Length: > 0 } key ? new TermQuery(new Term(IndexedDocument.KeyField, key)) : null;
}
