namespace Formulary.Storage.Browsing;

/// <summary>Bounds of the listing queries: a page is an indexed range, never a whole collection.</summary>
public static class BrowseLimits
{
    public const int PageSize = 100;

    public const int MaxLimit = 500;

    public const int MaxRecent = 200;
}
