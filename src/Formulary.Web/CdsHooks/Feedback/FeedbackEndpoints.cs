using Formulary.Storage;
using Formulary.Storage.Feedback;
using Formulary.Web.Pages;
using Formulary.Web.Pages.CdsFeedback;
using Formulary.Web.Problems;

namespace Formulary.Web.CdsHooks.Feedback;

/// <summary>
/// CDS Hooks 2.0 feedback: <c>POST /cds-services/{id}/feedback</c> records what the user did with each card
/// (behind the same JWT check as the service calls), and the summary of it all — accept and override rates
/// and override reasons per kind of card — as a page (<c>/cds-feedback/</c>) and as JSON
/// (<c>/api/cds-feedback</c>). The summary shows counts and coded reasons only, never a user's comment.
/// </summary>
internal static class FeedbackEndpoints
{
    public static IServiceCollection AddCdsFeedback(this IServiceCollection services)
    {
        services.AddSingleton<ICardFeedbackStore>(provider => provider.GetRequiredService<IMonographStore>() as ICardFeedbackStore
            ?? throw new InvalidOperationException("The store does not keep CDS Hooks feedback."));
        services.AddSingleton<IssuedCardLog>();
        services.AddHostedService(provider => provider.GetRequiredService<IssuedCardLog>());
        return services;
    }

    public static void MapCdsFeedback(this RouteGroupBuilder cdsServices, IEndpointRouteBuilder app)
    {
        cdsServices.MapPost("/{id}/feedback", RecordAsync)
            .WithName("CdsFeedback")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        app.MapGet("/api/cds-feedback", async (IssuedCardLog log, ICardFeedbackStore store, HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.Ok(await ReportAsync(log, store, context.RequestAborted).ConfigureAwait(false));
        })
            .WithStrictQuery()
            .WithName("CdsFeedbackSummary")
            .WithSummary("What clinicians did with Formulary's CDS Hooks cards: accept and override rates and override reasons per kind of card.");
        app.MapGet("/cds-feedback", PageAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> RecordAsync(string id, HttpRequest http, ICardFeedbackStore store, TimeProvider time)
    {
        if (CdsServiceCatalog.Find(id) is not { } service)
        {
            return ProblemMapping.Problem(ProblemCatalog.NotFound, $"No CDS service '{id}'. Services: {string.Join(", ", CdsServiceCatalog.All.Select(s => s.Id))}.");
        }

        var (document, unreadable) = await JsonBody.ReadAsync(http).ConfigureAwait(false);
        if (document is null)
        {
            return unreadable!;
        }

        IReadOnlyList<CardFeedback>? feedback;
        RequestProblem? problem;
        using (document)
        {
            (feedback, problem) = FeedbackReader.Read(document.RootElement, service.Id, time.GetUtcNow());
        }

        if (feedback is null)
        {
            return JsonBody.Problem(problem!, ProblemCatalog.InvalidCdsRequest);
        }

        var recorded = await store.RecordFeedbackAsync(feedback, http.HttpContext.RequestAborted).ConfigureAwait(false);
        return TypedResults.Json(new { recorded, alreadyRecorded = feedback.Count - recorded }, CdsJson.Options);
    }

    private static async Task<IResult> PageAsync(HttpContext context, IssuedCardLog log, ICardFeedbackStore store, PageRenderer renderer)
    {
        if (!context.Request.Path.Value!.EndsWith('/'))
        {
            return Results.Redirect("/cds-feedback/", permanent: true);
        }

        var report = await ReportAsync(log, store, context.RequestAborted).ConfigureAwait(false);
        var html = await renderer.RenderUtf8Async<FeedbackPage>(new Dictionary<string, object?>
        {
            ["Head"] = new PageHead("CDS Hooks feedback · Formulary", "What clinicians did with Formulary's order checks: accepted and overridden cards and the reasons given.", "/cds-feedback/") { NoIndex = true },
            ["Site"] = SiteContext.FromRequest(context.Request),
            ["Report"] = report,
        }).ConfigureAwait(false);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Bytes(html, "text/html; charset=utf-8");
    }

    /// <summary>The summary of everything recorded, after writing the cards this node has queued (so its own calls count).</summary>
    private static async Task<FeedbackReport> ReportAsync(IssuedCardLog log, ICardFeedbackStore store, CancellationToken cancellationToken)
    {
        await log.FlushAsync(cancellationToken).ConfigureAwait(false);
        return FeedbackReport.From(await store.SummarizeFeedbackAsync(cancellationToken).ConfigureAwait(false), log.Dropped);
    }
}
