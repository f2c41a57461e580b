using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Formulary.Storage.Indexing;

/// <summary>
/// Repeats each word <c>weight − 1</c> more times at the same position, so a word found once in a field of weight w counts
/// w times in the combined field: FTS5's <c>bm25()</c> with column weights counts Σ weight × occurrences the same way. The
/// repeats are overlaps (position increment 0), which BM25 leaves out of the document's length, as FTS5 counts each word once.
/// </summary>
internal sealed class WeightFilter : TokenFilter
{
    private readonly int weight;
    private readonly IPositionIncrementAttribute position;
    private int repeats;

    public WeightFilter(TokenStream input, int weight)
        : base(input)
    {
        this.weight = weight;
        position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (repeats > 0)
        {
            repeats--;
            position.PositionIncrement = 0;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        repeats = weight - 1;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        repeats = 0;
    }
}
