using Formulary.Storage.Rules;
using Formulary.Clinical.Dosing;
using Formulary.Web.Dosing;
using Formulary.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Formulary.Web.Api.Dose;

/// <summary>
/// <c>POST /api/dose</c> and <c>POST /api/check</c>: the engine's <see cref="DoseRequest"/> in,
/// its <see cref="DoseAnswer"/> out, the same fields as the CLI's <c>--json</c>. A refused input is
/// a 422 problem carrying the field errors and the answer; a contraindication is a normal answer.
/// </summary>
internal static class DoseEndpoints
{
    public static IEndpointRouteBuilder MapDoseApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/dose", async (DoseRequest request, DoseService dosing) => await AnswerAsync(request, dosing, await dosing.DoseAsync(request)))
            .WithTags("Dosing")
            .WithName("Dose")
            .WithSummary("A patient-specific dose with its trace, alerts, cycle calendar and citations.")
            .WithDescription("Bodies over 1 MB get 413; malformed JSON gets 400; refused input gets 422 with the field errors.")
            .WithProblems();
        app.MapPost("/api/check", async (DoseRequest request, DoseService dosing) => await AnswerAsync(request, dosing, await dosing.CheckAsync(request)))
            .WithTags("Dosing")
            .WithName("Check")
            .WithSummary("Screening only: contraindications, interactions and alerts for a patient, no dose.")
            .WithProblems();
        return app;
    }

    private static RouteHandlerBuilder WithProblems(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Ok<DoseAnswer>, ProblemHttpResult>> AnswerAsync(DoseRequest request, DoseService dosing, (DoseAnswer? Answer, DrugRules Rules) found)
    {
        var (answer, rules) = found;
        if (answer is null && rules.HasRules)
        {
            return ProblemMapping.Problem(ProblemCatalog.DoseRulesInvalid,
                $"The dose rules for '{rules.Slug}' do not load, so no dose is computed: {rules.ProblemsText}.",
                new Dictionary<string, object?> { ["diagnostics"] = rules.Problems.Select(d => new { d.Code, File = Path.GetFileName(d.File), d.Line, d.Column, Message = DrugRules.MessageOf(d) }) });
        }

        if (answer is null)
        {
            var known = string.Join(", ", await dosing.DrugsAsync());
            return ProblemMapping.Problem(ProblemCatalog.UnknownDrug,
                request.Drug is null ? $"Give the drug's slug as \"drug\". Drugs with dose rules: {known}." : $"No dose rules for '{request.Drug}'. Drugs with dose rules: {known}.");
        }

        if (answer.Status == AnswerStatus.Refused)
        {
            return ProblemMapping.Problem(ProblemCatalog.InputRefused,
                string.Join(" ", answer.Errors.Select(e => $"{e.Field}: {e.Message}")),
                new Dictionary<string, object?> { ["errors"] = answer.Errors, ["answer"] = answer });
        }

        return TypedResults.Ok(answer);
    }
}
