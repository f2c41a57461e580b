using Formulary.Web.Fhir;
using Formulary.Web.Pages;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Formulary.Web.Problems;

/// <summary>
/// The one place where failures become HTTP answers: exceptions from reading a request (oversize or
/// malformed body), bare status codes (404, 405) and problems returned by endpoints all leave as
/// <c>application/problem+json</c> with a stable <c>type</c> from <see cref="ProblemCatalog"/>.
/// Browsers asking for a page that does not exist get the HTML 404 page instead. Under <c>/fhir</c> the
/// same problems are written as FHIR <c>OperationOutcome</c>s (<see cref="OperationOutcomeWriter"/>).
/// </summary>
internal static class ProblemMapping
{
    public static IServiceCollection AddFormularyProblems(this IServiceCollection services)
    {
        // Ahead of the default problem+json writer: the problem details service asks writers in order.
        services.AddSingleton<IProblemDetailsWriter, OperationOutcomeWriter>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var kind = ProblemCatalog.ForStatus(problem.Status ?? context.HttpContext.Response.StatusCode);
            if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
            {
                problem.Type = kind.Type;
                problem.Title = kind.Title;
            }

            problem.Instance ??= context.HttpContext.Request.Path;
        });
        services.AddExceptionHandler<RequestExceptionHandler>();
        // The only form is the dose form (about fifteen short fields): anything far beyond is refused unread.
        services.Configure<FormOptions>(options =>
        {
            options.ValueCountLimit = 100;
            options.KeyLengthLimit = 200;
            options.ValueLengthLimit = 16 * 1024;
            options.MultipartBoundaryLengthLimit = 128;
            options.MultipartHeadersCountLimit = 16;
            options.MultipartHeadersLengthLimit = 16 * 1024;
            options.MultipartBodyLengthLimit = FormularyWebApp.MaxRequestBodyBytes;
        });
        // Model-binding failures (malformed JSON, missing body) throw, so the handler above maps them.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    public static WebApplication UseFormularyProblems(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(WriteStatusCodeAsync);
        app.MapGet("/problems/{code}", (string code) =>
                ProblemCatalog.FindByCode(code) is { } kind ? Results.Text(ProblemDocumentation.Render(kind), "text/html; charset=utf-8") : Results.NotFound())
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>A problem result for an endpoint to return.</summary>
    public static ProblemHttpResult Problem(ProblemKind kind, string? detail = null, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: kind.Status, title: kind.Title, type: kind.Type, extensions: extensions);

    public static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/cds-services", StringComparison.OrdinalIgnoreCase)
        || OperationOutcomeWriter.IsFhirRequest(request);

    private static async Task WriteStatusCodeAsync(StatusCodeContext statusContext)
    {
        var context = statusContext.HttpContext;
        if (context.Response.StatusCode == StatusCodes.Status404NotFound && !IsApiRequest(context.Request))
        {
            await NotFoundPage.WriteAsync(context).ConfigureAwait(false);
            return;
        }

        var kind = ProblemCatalog.ForStatus(context.Response.StatusCode);
        await WriteAsync(context, kind, detail: null).ConfigureAwait(false);
    }

    public static async ValueTask WriteAsync(HttpContext context, ProblemKind kind, string? detail)
    {
        context.Response.StatusCode = kind.Status;
        var writer = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await writer.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = kind.Status, Type = kind.Type, Title = kind.Title, Detail = detail },
        }).ConfigureAwait(false);
    }
}
