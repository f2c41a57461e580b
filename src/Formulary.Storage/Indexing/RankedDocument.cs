namespace Formulary.Storage.Indexing;

/// <summary>
/// A match in the ranking's order: tier, collection rank, then score (higher first), then slug (<see cref="GroupCollector"/>).
/// The slug is compared by its ordinal in its segment's sorted slugs (<see cref="Leaf"/>, <see cref="SlugOrdinal"/>):
/// within one segment that is the slugs' byte order, read without copying a slug; across segments the bytes are read.
/// <see cref="Doc"/> is the index-wide document number.
/// </summary>
internal readonly record struct RankedDocument(int Tier, int Collection, float Score, int Leaf, int SlugOrdinal, int Doc, long Id)
{
    /// <summary>Negative when <paramref name="a"/> ranks before <paramref name="b"/>; 0 when only the slugs can tell.</summary>
    public static int CompareBeforeSlug(in RankedDocument a, in RankedDocument b)
    {
        var order = CompareGroups(a.Tier, a.Collection, b);
        return order != 0 ? order : b.Score.CompareTo(a.Score);
    }

    /// <summary>Negative when the group (<paramref name="tier"/>, <paramref name="collection"/>) ranks before <paramref name="b"/>'s.</summary>
    public static int CompareGroups(int tier, int collection, in RankedDocument b)
    {
        var order = tier.CompareTo(b.Tier);
        return order != 0 ? order : collection.CompareTo(b.Collection);
    }
}
