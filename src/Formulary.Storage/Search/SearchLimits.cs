namespace Formulary.Storage.Search;

/// <summary>
/// The documented bounds of a search. Query text longer than <see cref="MaxQueryChars"/> is cut, and
/// only the first <see cref="MaxTerms"/> words (each cut to <see cref="MaxTermChars"/>) are searched;
/// limit and offset outside their ranges are a caller bug (the API answers 400 before calling).
/// </summary>
public static class SearchLimits
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;
    public const int MaxOffset = 10_000;
    public const int MaxQueryChars = 1_000;
    public const int MaxTerms = 12;
    public const int MaxTermChars = 64;

    public static void Validate(int limit, int offset)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, MaxOffset);
    }
}
