using System.Globalization;
using System.Text;
using Lucene.Net.Analysis.Util;

namespace Formulary.Storage.Indexing;

/// <summary>
/// Splits text into runs of letters, digits and non-spacing marks, as <see cref="Search.SearchTerms"/> splits a query and
/// <see cref="Search.TermMatcher.Words"/> splits stored text; lower-cased here, folded by <see cref="FoldFilter"/>.
/// </summary>
internal sealed class WordTokenizer(TextReader input) : CharTokenizer(FoldingAnalyzer.Version, input)
{
    protected override bool IsTokenChar(int c) =>
        Rune.TryCreate(c, out var rune) && (Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark);

    protected override int Normalize(int c) => Rune.TryCreate(c, out var rune) ? Rune.ToLowerInvariant(rune).Value : c;
}
