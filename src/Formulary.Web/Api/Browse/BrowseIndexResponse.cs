namespace Formulary.Web.Api.Browse;

/// <summary>The answer of <c>/api/browse</c>: each collection's count and its A–Z bar.</summary>
internal sealed record BrowseIndexResponse(IReadOnlyList<CollectionLettersResponse> Collections);
