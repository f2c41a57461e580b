using System.Runtime.Intrinsics;
using Quickenshtein;

namespace Formulary.Storage.Search;

/// <summary>
/// The name words (titles, brand and alternate names) that "did you mean" may propose, with a letter
/// histogram per word so most words are ruled out before any edit distance is computed. Each edit
/// changes a histogram's L1 distance by at most 2, so ceil(L1 / 2) — like the length difference —
/// is a lower bound of the Levenshtein distance: the filter never drops a word the full scan would pick.
/// Built once per import generation; immutable and safe to share between threads.
/// </summary>
internal sealed class NameVocabulary
{
    /// <summary>Characters are counted in 32 buckets (code unit mod 32): merging characters only weakens the bound, never breaks it.</summary>
    private const int Buckets = 32;

    private readonly string[] words;
    private readonly byte[] histograms;

    public NameVocabulary(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        this.words = [.. words.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        histograms = new byte[this.words.Length * Buckets];
        for (var i = 0; i < this.words.Length; i++)
        {
            CountLetters(this.words[i], histograms.AsSpan(i * Buckets, Buckets));
        }
    }

    public int Count => words.Length;

    /// <summary>
    /// The vocabulary word closest to <paramref name="term"/> by Levenshtein distance, within a bound
    /// that grows with the term's length (0 below 4 letters, 1 for 4-5, 2 for 6-9, 3 for 10+);
    /// ties go to the ordinally first word. Null when none is within the bound.
    /// </summary>
    public string? Closest(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        Span<byte> counts = stackalloc byte[Buckets];
        CountLetters(term, counts);
        var target = Vector256.Create<byte>(counts);
        string? best = null;
        var limit = MaxDistance(term.Length); // the largest distance a new best may have
        for (var i = 0; i < words.Length && limit >= 0; i++)
        {
            var word = words[i];
            if (Math.Abs(word.Length - term.Length) > limit || LowerBound(target, i) > limit)
            {
                continue;
            }

            var distance = Levenshtein.GetDistance(term, word);
            if (distance <= limit)
            {
                best = word;
                limit = distance - 1; // words are in ordinal order, so an equal distance later does not win
            }
        }

        return best;
    }

    private int LowerBound(Vector256<byte> target, int index)
    {
        var counts = Vector256.Create<byte>(histograms.AsSpan(index * Buckets, Buckets));
        var difference = Vector256.Max(counts, target) - Vector256.Min(counts, target);
        var (lower, upper) = Vector256.Widen(difference);
        return (Vector256.Sum(lower + upper) + 1) / 2;
    }

    private static void CountLetters(string word, Span<byte> counts)
    {
        foreach (var c in word)
        {
            ref var count = ref counts[c % Buckets];
            if (count < byte.MaxValue)
            {
                count++;
            }
        }
    }

    private static int MaxDistance(int length) => length switch
    {
        < 4 => 0,
        < 6 => 1,
        < 10 => 2,
        _ => 3,
    };
}
