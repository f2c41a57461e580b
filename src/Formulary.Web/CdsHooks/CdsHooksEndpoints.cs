using System.Buffers;
using Formulary.Web.CdsHooks.Feedback;
using Formulary.Web.Pages;
using Formulary.Web.Problems;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// CDS Hooks 2.0: <c>GET /cds-services</c> (discovery), <c>POST /cds-services/{id}</c> (a service call) and its
/// feedback (<see cref="FeedbackEndpoints"/>),
/// mapped in one route group so authentication and other filters can be put in front of all of them at once
/// (<see cref="MapCdsHooks"/> returns the group). Faults are problem details from the one mapping point:
/// 400 for a request that cannot be read, 404 for an unknown service, 415 for a body that is not JSON,
/// 412 when the patient data the service needs is neither prefetched nor fetchable (CDS Hooks 2.0 §Prefetch).
/// </summary>
internal static class CdsHooksEndpoints
{
    /// <summary>
    /// CORS for the CDS Hooks routes only ("CDS Services and browser-based CDS Clients will require CORS support", CDS Hooks
    /// 2.0 §Security): any origin, GET and POST, the Authorization and Content-Type headers. Any origin is safe here: a call
    /// is authorized by the JWT it carries, never by a cookie, so no credentials are allowed and a page of another origin
    /// can do nothing a client without a token could not.
    /// </summary>
    public const string CorsPolicy = "cds-hooks";

    public static IServiceCollection AddCdsHooks(this IServiceCollection services)
    {
        services.AddHttpClient(FhirServerClient.ClientName, client =>
        {
            client.Timeout = FhirServerClient.Timeout;
            client.MaxResponseContentBufferSize = FhirServerClient.MaxResponseBytes;
        }).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<FhirServerClient>();
        services.AddSingleton<PatientDataSource>();
        services.AddSingleton<MedicationMatcher>();
        services.AddSingleton<CdsHookService>();
        services.AddCdsFeedback();
        services.AddHostedService<CdsWarmUp>();
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders("Authorization", "Content-Type")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        return services;
    }

    public static RouteGroupBuilder MapCdsHooks(this IEndpointRouteBuilder app)
    {
        // Described by its own discovery document and the CDS Hooks specification, not in the OpenAPI document.
        var group = app.MapGroup("/cds-services").ExcludeFromDescription().RequireCors(CorsPolicy);
        group.MapGet("", () => TypedResults.Json(new { services = CdsServiceCatalog.All }, CdsJson.Options))
            .WithName("CdsDiscovery")
            .WithSummary("CDS Hooks 2.0 discovery: the order-select and order-sign dose-check services and their prefetch templates.");
        group.MapPost("/{id}", CallAsync)
            .WithName("CdsService")
            .WithSummary("A CDS Hooks 2.0 service call: cards for each medication order (dose, contraindications, data problems).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapCdsFeedback(app);
        return group;
    }

    private static async Task<IResult> CallAsync(string id, HttpRequest http, CdsHookService hooks, IssuedCardLog issued)
    {
        if (CdsServiceCatalog.Find(id) is not { } service)
        {
            return ProblemMapping.Problem(ProblemCatalog.NotFound, $"No CDS service '{id}'. Services: {string.Join(", ", CdsServiceCatalog.All.Select(s => s.Id))}.");
        }

        var (bytes, length, unsupported) = await JsonBody.ReadBytesAsync(http).ConfigureAwait(false);
        if (bytes is null)
        {
            return unsupported!;
        }

        // The common call is read in one pass over its bytes; anything that reader does not take as certain is read
        // through the document, whose reader refuses or accepts it (the same request either way).
        if (OnePassRequestReader.Read(bytes.AsSpan(0, length), service) is { } read)
        {
            // Nothing read refers to the bytes; they are still given back only once the call is answered.
            try
            {
                return await AnswerAsync(read, service, http, hooks, issued).ConfigureAwait(false);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }

        var (document, unreadable) = JsonBody.Parse(bytes, length);
        if (document is null)
        {
            return unreadable!;
        }

        // The request's elements (prefetched resources included) are read from this document until the answer is
        // built, so it lives as long as the call; nothing in the answer refers to it.
        using (document)
        {
            var (request, problem) = CdsRequestReader.Read(document.RootElement, service);
            return request is null
                ? JsonBody.Problem(problem!, ProblemCatalog.InvalidCdsRequest)
                : await AnswerAsync(request, service, http, hooks, issued).ConfigureAwait(false);
        }
    }

    private static async Task<IResult> AnswerAsync(CdsRequest request, CdsService service, HttpRequest http, CdsHookService hooks, IssuedCardLog issued)
    {
        var outcome = await hooks.AnswerAsync(request, SiteContext.FromRequest(http).BaseUrl, http.HttpContext.RequestAborted).ConfigureAwait(false);
        if (outcome.Problem is not null)
        {
            return JsonBody.Problem(outcome.Problem, ProblemCatalog.InvalidCdsRequest);
        }

        if (outcome.Response is null)
        {
            return ProblemMapping.Problem(ProblemCatalog.PrefetchMissing,
                $"The service needs {string.Join(", ", outcome.Missing)} (see the discovery prefetch templates); {(outcome.Missing.Count == 1 ? "it was" : "they were")} not prefetched and could not be fetched{(request.FhirServer is null ? " (no fhirServer with fhirAuthorization was given)" : " from fhirServer")}.",
                new Dictionary<string, object?> { ["missing"] = outcome.Missing });
        }

        issued.Add(service.Id, outcome.Response.Cards);
        return new CdsAnswer(outcome.Response);
    }
}
