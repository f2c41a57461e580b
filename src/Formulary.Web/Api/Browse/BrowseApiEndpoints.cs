using Formulary.Monographs;
using Formulary.Storage;
using Formulary.Storage.Browsing;
using Formulary.Web.Pages;
using Formulary.Web.Pages.Browse;
using Formulary.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Formulary.Web.Api.Browse;

/// <summary><c>/api/browse</c>: the A–Z pages' data, from the same store queries as the pages.</summary>
internal static class BrowseApiEndpoints
{
    public static IEndpointRouteBuilder MapBrowseApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/browse").WithTags("Browse").WithStrictQuery();
        group.MapGet("", IndexAsync)
            .WithName("BrowseIndex")
            .WithSummary("Live monographs per collection and per letter of the A–Z bar.")
            .WithDescription($"A title is filed under the first letter of its folded form (case and accents ignored); titles that do not start with a to z are under {BrowseLetter.Other}.");
        group.MapGet("/{collection}/{letter}", PageAsync)
            .WithName("BrowseLetter")
            .WithSummary("One page of a collection's monographs under a letter, in title order.")
            .WithDescription(
                $"collection is compositions, combinations or medicines; letter is a to z or {BrowseLetter.Other}; "
                + $"page is 1-based ({BrowseLimits.PageSize} monographs a page). A page past the last is a 404.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Ok<BrowseIndexResponse>> IndexAsync(IMonographStore store, CancellationToken cancellationToken)
    {
        var counts = new BrowseCounts(await store.CountByLetterAsync(cancellationToken).ConfigureAwait(false));
        return TypedResults.Ok(new BrowseIndexResponse([.. CollectionNames.InOrder.Select(collection => new CollectionLettersResponse(
            collection,
            counts.Total(collection),
            [.. counts.Letters.Where(l => l.Collection == collection).Select(l => new LetterCountResponse(l.Letter, l.Count, $"/api/browse/{collection.ApiName()}/{l.Letter}"))]))]));
    }

    private static async Task<Results<Ok<BrowsePageResponse>, ProblemHttpResult>> PageAsync(
        string collection, string letter, int? page, IMonographStore store, CancellationToken cancellationToken)
    {
        if (!CollectionInfo.TryParse(collection, out var parsed))
        {
            return ProblemMapping.Problem(ProblemCatalog.NotFound, $"There is no collection '{collection}'; use compositions, combinations or medicines.");
        }

        if (!BrowseLetter.IsValid(letter))
        {
            return ProblemMapping.Problem(ProblemCatalog.NotFound, $"There is no letter '{letter}'; use a to z (lower case) or {BrowseLetter.Other}.");
        }

        if (page is < 1)
        {
            return ProblemMapping.Problem(ProblemCatalog.BadRequest, "page is 1-based: give 1 or more.");
        }

        var counts = new BrowseCounts(await store.CountByLetterAsync(cancellationToken).ConfigureAwait(false));
        var model = new BrowsePage(counts, parsed, letter, page ?? 1, []);
        if (model.Page > model.PageCount)
        {
            return ProblemMapping.Problem(ProblemCatalog.NotFound, $"{collection}/{letter} has {model.PageCount} page(s).");
        }

        var items = model.Total == 0 ? [] : await store.BrowseAsync(parsed, letter, model.Offset, BrowsePage.PageSize, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new BrowsePageResponse(parsed, letter, model.Page, model.PageCount, BrowsePage.PageSize, model.Total, [.. items.Select(BrowseItemResponse.From)]));
    }
}
