using Formulary.Monographs;
using Formulary.Storage.Browsing;
using Formulary.Storage.Listing;

namespace Formulary.Web.Pages.Browse;

/// <summary>
/// What an A–Z page shows: the counts for the bars, and for a letter page the letter, its page of
/// documents and where that page is among the letter's pages. <see cref="Collection"/> null is the
/// index of every collection; <see cref="Letter"/> null is a collection's bar alone.
/// </summary>
public sealed record BrowsePage(BrowseCounts Counts, Collection? Collection, string? Letter, int Page, IReadOnlyList<MonographSummary> Items)
{
    public const int PageSize = BrowseLimits.PageSize;

    public int Total => Collection is { } collection && Letter is { } letter ? Counts.Count(collection, letter) : 0;

    /// <summary>At least one: a letter with nothing under it still has its (empty) first page.</summary>
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public int Offset => (Page - 1) * PageSize;
}
