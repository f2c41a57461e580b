using Formulary.Monographs;
using Formulary.Storage.Listing;

namespace Formulary.Web.Api.Browse;

/// <summary>One listed monograph: its names, its page and whether it is banned.</summary>
internal sealed record BrowseItemResponse(string Slug, string Title, string Description, bool IsBanned, string Url)
{
    public static BrowseItemResponse From(MonographSummary summary) =>
        new(summary.Slug, summary.Title, summary.Description, summary.IsBanned, summary.Collection.UrlPath(summary.Slug));
}
