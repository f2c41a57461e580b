using Lucene.Net.Analysis;
using Lucene.Net.Util;

namespace Formulary.Storage.Indexing;

/// <summary>
/// Words as the SQL search finds them (FTS5 <c>unicode61 remove_diacritics 2</c>, <see cref="Search.TermMatcher"/>):
/// runs of letters and digits (<see cref="WordTokenizer"/>), lower case and accents removed by
/// <see cref="Search.NameKey.Fold"/> (<see cref="FoldFilter"/>). No stemming and no stop words, as there.
/// </summary>
internal sealed class FoldingAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var words = new WordTokenizer(reader);
        return new TokenStreamComponents(words, new FoldFilter(words));
    }
}
