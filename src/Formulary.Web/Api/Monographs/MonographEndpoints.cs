using Formulary.Monographs;
using Formulary.Storage;
using Formulary.Storage.Versions;
using Formulary.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using MonographModel = Formulary.Monographs.Model.Monograph;

namespace Formulary.Web.Api.Monographs;

/// <summary><c>/api/monographs/{collection}/{slug}</c>: the parsed model, its version history and diffs between versions.</summary>
internal static class MonographEndpoints
{
    public static IEndpointRouteBuilder MapMonographApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/monographs/{collection}/{slug}").WithTags("Monographs").WithStrictQuery();
        group.MapGet("", GetAsync)
            .WithName("GetMonograph")
            .WithSummary("The parsed monograph (latest version).")
            .WithDescription("collection is compositions, combinations or medicines; slug is the file name without .md.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/versions", ListVersionsAsync)
            .WithName("ListMonographVersions")
            .WithSummary("Every imported version of the monograph, oldest first.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/versions/{version:int}", GetVersionAsync)
            .WithName("GetMonographVersion")
            .WithSummary("One version of the monograph (1-based), as it was parsed then.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/diff", DiffAsync)
            .WithName("DiffMonographVersions")
            .WithSummary("Line diff of the source text between two versions (from, to).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<MonographModel>, ProblemHttpResult>> GetAsync(string collection, string slug, IMonographStore store, CancellationToken cancellationToken)
    {
        if (!CollectionInfo.TryParse(collection, out var parsed))
        {
            return UnknownCollection(collection);
        }

        var stored = await store.GetAsync(parsed, slug, cancellationToken).ConfigureAwait(false);
        return stored is null ? NotFound(collection, slug) : TypedResults.Ok(stored.Monograph);
    }

    private static async Task<Results<Ok<IReadOnlyList<MonographVersion>>, ProblemHttpResult>> ListVersionsAsync(string collection, string slug, IMonographStore store, CancellationToken cancellationToken)
    {
        if (!CollectionInfo.TryParse(collection, out var parsed))
        {
            return UnknownCollection(collection);
        }

        var versions = await store.ListVersionsAsync(parsed, slug, cancellationToken).ConfigureAwait(false);
        return versions.Count == 0 ? NotFound(collection, slug) : TypedResults.Ok(versions);
    }

    private static async Task<Results<Ok<MonographModel>, ProblemHttpResult>> GetVersionAsync(string collection, string slug, int version, IMonographStore store, CancellationToken cancellationToken)
    {
        if (!CollectionInfo.TryParse(collection, out var parsed))
        {
            return UnknownCollection(collection);
        }

        var stored = await store.GetVersionAsync(parsed, slug, version, cancellationToken).ConfigureAwait(false);
        return stored is null
            ? ProblemMapping.Problem(ProblemCatalog.NotFound, $"{collection}/{slug} has no version {version}.")
            : TypedResults.Ok(stored.Monograph);
    }

    private static async Task<Results<Ok<VersionDiff>, ProblemHttpResult>> DiffAsync(string collection, string slug, int? from, int? to, IMonographStore store, CancellationToken cancellationToken)
    {
        if (!CollectionInfo.TryParse(collection, out var parsed))
        {
            return UnknownCollection(collection);
        }

        if (from is not { } fromVersion || to is not { } toVersion || fromVersion < 1 || toVersion < 1)
        {
            return ProblemMapping.Problem(ProblemCatalog.BadRequest, "Give both versions to compare as ?from=N&to=M (1-based).");
        }

        var diff = await store.DiffAsync(parsed, slug, fromVersion, toVersion, cancellationToken).ConfigureAwait(false);
        return diff is null
            ? ProblemMapping.Problem(ProblemCatalog.NotFound, $"{collection}/{slug} does not have both versions {fromVersion} and {toVersion}.")
            : TypedResults.Ok(diff);
    }

    private static ProblemHttpResult UnknownCollection(string collection) =>
        ProblemMapping.Problem(ProblemCatalog.NotFound, $"There is no collection '{collection}'; use compositions, combinations or medicines.");

    private static ProblemHttpResult NotFound(string collection, string slug) =>
        ProblemMapping.Problem(ProblemCatalog.NotFound, $"No monograph {collection}/{slug}.");
}
