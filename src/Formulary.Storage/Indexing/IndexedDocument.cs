using Formulary.Monographs;
using Formulary.Storage.Search;
using Lucene.Net.Documents;
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

    /// <summary>The searched fields with their weights, as FTS5's <c>bm25(search, 10, 8, 4, 1)</c> and the tiers name them.</summary>
    public static readonly (string Name, float Weight)[] Fields = [("title", 10f), ("names", 8f), ("indications", 4f), ("body", 1f)];

    /// <summary>The term that finds this document's entry, to replace or delete it.</summary>
    public static Lucene.Net.Index.Term DocTerm(long id) => new(DocField, id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Document ToLucene()
    {
        var document = new Document
        {
            new StringField(DocField, DocTerm(Id).Text, Field.Store.NO),
            new NumericDocValuesField(IdField, Id),
            new NumericDocValuesField(CollectionField, SearchGroups.RankOf(Collection)),
            new SortedDocValuesField(SlugField, new BytesRef(Slug)),
            new TextField(Fields[0].Name, Title, Field.Store.NO),
            new TextField(Fields[1].Name, Names, Field.Store.NO),
            new TextField(Fields[2].Name, Indications, Field.Store.NO),
            new TextField(Fields[3].Name, Body, Field.Store.NO),
        };
        foreach (var key in Keys)
        {
            document.Add(new StringField(KeyField, key, Field.Store.NO));
        }

        return document;
    }
}
