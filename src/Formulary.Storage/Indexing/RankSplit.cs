namespace Formulary.Storage.Indexing;

/// <summary>
/// How one large ranking is shared between cores (<see cref="RankRun"/>): the index's documents are cut into
/// <c>Workers × RangesPerWorker</c> ranges of consecutive numbers, taken in turn by the searching thread and up to
/// <c>Workers − 1</c> helpers from the thread pool, only when the query may match <see cref="FromMatches"/> documents or
/// more (below that, starting a helper costs more than it saves). Lucene 10 splits a segment into document ranges
/// the same way ("intra-segment concurrency"); ADR 0003.
/// </summary>
internal sealed record RankSplit(int Workers, int RangesPerWorker, int FromMatches)
{
    /// <summary>One range, the searching thread alone.</summary>
    public static RankSplit None { get; } = new(1, 1, 0);

    /// <summary>Every core, four ranges each (a range's cost varies with where the matches are), from 16,384 possible matches.</summary>
    public static RankSplit ForThisMachine { get; } = new(Environment.ProcessorCount, 4, 16_384);

    /// <summary>The split for a query that may match <paramref name="estimate"/> documents.</summary>
    public RankSplit For(int estimate) => Workers > 1 && estimate >= FromMatches ? this : None;
}
