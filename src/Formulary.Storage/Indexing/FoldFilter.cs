using System.Text;
using Formulary.Storage.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Formulary.Storage.Indexing;

/// <summary>
/// Folds each word that is not plain ASCII with <see cref="NameKey.Fold"/> (accents and marks removed, ligatures
/// expanded), the fold both the query's terms and the snippets' matching use; a word that folds to nothing is dropped.
/// </summary>
internal sealed class FoldFilter : TokenFilter
{
    private readonly ICharTermAttribute term;

    public FoldFilter(TokenStream input)
        : base(input)
    {
        term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        while (m_input.IncrementToken())
        {
            var word = term.Buffer.AsSpan(0, term.Length);
            if (Ascii.IsValid(word))
            {
                return true;
            }

            var folded = NameKey.Compact(word.ToString());
            if (folded.Length > 0)
            {
                term.SetEmpty().Append(folded);
                return true;
            }
        }

        return false;
    }
}
