using Formulary.Clinical.Dosing;
using Formulary.Clinical.Patients;
using Formulary.Storage.Rules;
using Formulary.Web.Dosing;
using Formulary.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Formulary.Web.Api.Dose;

/// <summary>
/// <c>POST /api/dose</c> and <c>POST /api/check</c>: a <see cref="DoseRequestBody"/> in, read strictly
/// (<see cref="DoseRequestJson"/>: unknown, repeated or mistyped properties get 400 naming the
/// property), turned into the engine's <see cref="PatientInput"/>; its <see cref="DoseAnswer"/> out, the
/// same fields as the CLI's <c>--json</c>. Refused input is a 422 problem carrying the field errors and
/// the answer; withheld and contraindicated are normal answers without a dose.
/// </summary>
internal static class DoseEndpoints
{
    private delegate Task<(DoseAnswer? Answer, DrugRules Rules)> Compute(string? drug, PatientInput input);

    public static IEndpointRouteBuilder MapDoseApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/dose", (HttpRequest request, DoseService dosing) => AnswerAsync(request, dosing, dosing.DoseAsync))
            .WithTags("Dosing")
            .WithName("Dose")
            .WithSummary("A patient-specific dose with its trace, alerts, cycle calendar and citations.")
            .WithDescription("Bodies over 1 MB get 413; malformed JSON, unknown, repeated or mistyped properties get 400 naming the property; refused input gets 422 with the field errors.")
            .WithDoseContract()
            .WithStrictQuery();
        app.MapPost("/api/check", (HttpRequest request, DoseService dosing) => AnswerAsync(request, dosing, dosing.CheckAsync))
            .WithTags("Dosing")
            .WithName("Check")
            .WithSummary("Screening only: contraindications, interactions and alerts for a patient, no dose.")
            .WithDoseContract()
            .WithStrictQuery();
        return app;
    }

    private static RouteHandlerBuilder WithDoseContract(this RouteHandlerBuilder builder) => builder
        .Accepts<DoseRequestBody>("application/json")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>
    /// The body is read here rather than bound, so that repeated and unknown properties can be seen
    /// (binding keeps the last value and drops the rest); <see cref="DoseRequestBody"/> is its documented shape.
    /// </summary>
    private static async Task<Results<Ok<DoseAnswer>, ProblemHttpResult>> AnswerAsync(HttpRequest http, DoseService dosing, Compute compute)
    {
        var (document, unreadable) = await JsonBody.ReadAsync(http).ConfigureAwait(false);
        if (document is null)
        {
            return unreadable!;
        }

        DoseRequestBody? request;
        RequestProblem? problem;
        using (document)
        {
            (request, problem) = DoseRequestJson.Read(document.RootElement);
        }

        if (request is null)
        {
            return JsonBody.Problem(problem!, ProblemCatalog.MalformedJson);
        }

        if (string.IsNullOrWhiteSpace(request.Drug))
        {
            var known = string.Join(", ", await dosing.DrugsAsync().ConfigureAwait(false));
            return JsonBody.Problem(new RequestProblem(RequestProblemKind.Malformed, "drug", $"'drug' is missing: give the drug's slug. Drugs with dose rules: {known}."), ProblemCatalog.BadRequest);
        }

        var (input, inputErrors) = request.ToInput();
        var (answer, rules) = inputErrors.Count > 0 ? (DoseAnswer.Refused(request.Drug, inputErrors), null) : await compute(request.Drug, input).ConfigureAwait(false);
        if (answer is null && rules is { HasRules: true })
        {
            return ProblemMapping.Problem(ProblemCatalog.DoseRulesInvalid,
                rules.Draft is not null
                    ? $"The dose rules for '{rules.Slug}' are a machine-read draft no editor has reviewed, so no dose is computed."
                    : $"The dose rules for '{rules.Slug}' do not load, so no dose is computed: {rules.ProblemsText}.",
                new Dictionary<string, object?> { ["diagnostics"] = rules.Problems.Select(d => new { d.Code, File = Path.GetFileName(d.File), d.Line, d.Column, Message = DrugRules.MessageOf(d) }) });
        }

        if (answer is null)
        {
            var known = string.Join(", ", await dosing.DrugsAsync().ConfigureAwait(false));
            return ProblemMapping.Problem(ProblemCatalog.UnknownDrug, $"No dose rules for '{request.Drug}'. Drugs with dose rules: {known}.");
        }

        if (answer.Status == AnswerStatus.Refused)
        {
            var errors = answer.Errors.Select(e => new ApiFieldError(e.Field, DoseRequestJson.PropertyFor(e.Field, request), e.Message)).ToList();
            return ProblemMapping.Problem(ProblemCatalog.InputRefused,
                string.Join(" ", errors.Select(e => $"{e.Property}: {e.Message}")),
                new Dictionary<string, object?> { ["errors"] = errors, ["answer"] = answer });
        }

        return TypedResults.Ok(answer);
    }
}
