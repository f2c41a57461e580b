using Formulary.Monographs;

namespace Formulary.Web.Api.Browse;

/// <summary>The answer of <c>/api/browse/{collection}/{letter}</c>: one page of the letter, in title order.</summary>
internal sealed record BrowsePageResponse(Collection Collection, string Letter, int Page, int PageCount, int PageSize, int Total, IReadOnlyList<BrowseItemResponse> Items);
