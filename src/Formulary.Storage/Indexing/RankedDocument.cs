namespace Formulary.Storage.Indexing;

/// <summary>A match in the ranking's order: tier, collection rank, then score (higher first), then slug (<see cref="GroupCollector"/>).</summary>
internal readonly record struct RankedDocument(int Tier, int Collection, float Score, string Slug, long Id)
{
    /// <summary>Negative when <paramref name="a"/> ranks before <paramref name="b"/>.</summary>
    public static int Compare(RankedDocument a, RankedDocument b)
    {
        var order = a.Tier.CompareTo(b.Tier);
        order = order != 0 ? order : a.Collection.CompareTo(b.Collection);
        order = order != 0 ? order : b.Score.CompareTo(a.Score);
        return order != 0 ? order : string.CompareOrdinal(a.Slug, b.Slug);
    }
}
