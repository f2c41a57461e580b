using Formulary.Monographs;
using Formulary.Storage.Search;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Formulary.Storage.Indexing;

/// <summary>
/// One document's entry in the index, read from the store (<see cref="IndexSource"/>): the four weighted fields the
/// SQL index holds (names with the titles of the brand pages that link here), the exact-name keys of its
/// <c>search_names</c> rows (tier 0), and whether it is live (published and not removed); one that is not leaves the index.
/// </summary>
internal sealed record IndexedDocument(
    long Id, Collection Collection, string Slug, string Title, string Names, string Indications, string Body, IReadOnlyList<string> Keys, bool Live)
{
    public const string DocField = "doc";
    public const string IdField = "id";
    public const string CollectionField = "collection";
    public const string SlugField = "slug";
    public const string KeyField = "key";

    /// <summary>
    /// The one field every search matches and scores: title, names, indications and body, each word repeated by its column's
    /// weight in FTS5's <c>bm25(search, 10, 8, 4, 1)</c> (<see cref="WeightFilter"/>).
    /// </summary>
    public const string AllField = "all";

    /// <summary>Title and names: a match of every word here is tier 1 (FTS5's <c>{title names} : (…)</c>).</summary>
    public const string NamedField = "named";

    /// <summary>Title, names and indications: tier 2 (<c>{title names indications} : (…)</c>).</summary>
    public const string IndicatedField = "indicated";

    /// <summary>The term that finds this document's entry, to replace or delete it.</summary>
    public static Lucene.Net.Index.Term DocTerm(long id) => new(DocField, id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Documents and counts, no positions (no phrase is ever searched), and the lengths BM25 needs.</summary>
    private static readonly FieldType Scored = new() { IsIndexed = true, IsTokenized = true, IndexOptions = IndexOptions.DOCS_AND_FREQS };

    /// <summary>The tiers' fields only filter: documents, no counts, no lengths.</summary>
    private static readonly FieldType Filtered = new() { IsIndexed = true, IsTokenized = true, IndexOptions = IndexOptions.DOCS_ONLY, OmitNorms = true };

    /// <summary>A text's words as <see cref="FoldingAnalyzer"/> makes them, each counted <paramref name="weight"/> times.</summary>
    private static WeightFilter Words(string text, int weight) => new(new FoldFilter(new WordTokenizer(new StringReader(text))), weight);

    public Document ToLucene()
    {
        var document = new Document
        {
            new StringField(DocField, DocTerm(Id).Text, Field.Store.NO),
            new NumericDocValuesField(IdField, Id),
            new NumericDocValuesField(CollectionField, SearchGroups.RankOf(Collection)),
            new SortedDocValuesField(SlugField, new BytesRef(Slug)),
            new Field(AllField, Words(Title, 10), Scored),
            new Field(AllField, Words(Names, 8), Scored),
            new Field(AllField, Words(Indications, 4), Scored),
            new Field(AllField, Words(Body, 1), Scored),
            new Field(NamedField, Words(Title + "\n" + Names, 1), Filtered),
            new Field(IndicatedField, Words(Title + "\n" + Names + "\n" + Indications, 1), Filtered),
        };
        foreach (var key in Keys)
        {
            document.Add(new StringField(KeyField, key, Field.Store.NO));
        }

        return document;
    }
}
