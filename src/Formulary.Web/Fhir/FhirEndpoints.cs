using Formulary.Storage.Search;
using Formulary.Web.CdsHooks;
using Formulary.Web.Problems;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace Formulary.Web.Fhir;

/// <summary>
/// <c>/fhir</c>: the R4 CapabilityStatement, MedicationKnowledge read and search, and the extension
/// definitions. Every answer is <c>application/fhir+json</c>; every error an OperationOutcome
/// (<see cref="OperationOutcomeWriter"/>, through the one problem mapping).
/// </summary>
internal static class FhirEndpoints
{
    public static IServiceCollection AddFormularyFhir(this IServiceCollection services)
    {
        services.AddSingleton<MedicationKnowledgeCatalog>();
        return services;
    }

    public static IEndpointRouteBuilder MapFhir(this IEndpointRouteBuilder app)
    {
        var fhir = app.MapGroup("/fhir").ExcludeFromDescription().WithJsonOnly();
        fhir.MapGet("/metadata", (HttpContext context) => (IResult)new FhirResult(CapabilityStatementBuilder.Build(FhirUrls.For(context))));
        fhir.MapGet("/MedicationKnowledge/{id}", ReadAsync);
        fhir.MapGet("/MedicationKnowledge", SearchAsync);
        fhir.MapGet("/StructureDefinition/{id}", (string id, HttpContext context) =>
            SafetyExtension.Find(id) is { } extension
                ? (IResult)new FhirResult(ExtensionDefinitions.For(extension, FhirUrls.For(context)))
                : ProblemMapping.Problem(ProblemCatalog.NotFound, $"No StructureDefinition '{id}' here; this server defines {string.Join(", ", SafetyExtension.All.Select(e => e.Id))}."));
        return app;
    }

    private static async Task<IResult> ReadAsync(string id, HttpContext context, MedicationKnowledgeCatalog catalog)
    {
        var source = await catalog.FindAsync(id, context.RequestAborted).ConfigureAwait(false);
        return source is null
            ? ProblemMapping.Problem(ProblemCatalog.NotFound, $"No MedicationKnowledge '{id}': ids are the slugs of compositions and combinations.")
            : new FhirResult(MedicationKnowledgeBuilder.Build(source, FhirUrls.For(context)));
    }

    private static async Task<IResult> SearchAsync(HttpContext context, MedicationKnowledgeCatalog catalog)
    {
        var urls = FhirUrls.For(context);
        var (query, error) = MedicationKnowledgeQuery.Parse(context.Request.Query, urls);
        if (query is null)
        {
            return ProblemMapping.Problem(ProblemCatalog.BadRequest, error);
        }

        IEnumerable<string>? ids = query.Codes;
        if (query.Ids is { } named)
        {
            ids = ids is null ? named : ids.Intersect(named, StringComparer.Ordinal);
        }

        var moreMayMatch = false;
        if (query.Name is { } name)
        {
            (var byName, moreMayMatch) = await catalog.IdsByNameAsync(name, context.RequestAborted).ConfigureAwait(false);
            ids = ids is null ? byName : byName.Intersect(ids, StringComparer.Ordinal);
        }

        var matches = query.All ? await catalog.AllAsync().ConfigureAwait(false) : await catalog.LiveAsync(ids ?? []).ConfigureAwait(false);

        // A name search reads the best names only: when as many matched as it reads, the total is not known, and it says so.
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.Searchset,
            Total = moreMayMatch ? null : matches.Count,
            Link = [new Bundle.LinkComponent { Relation = "self", Url = urls.Base + "/MedicationKnowledge?" + query.LinkQuery(context.Request.Query, query.Offset) }],
        };
        if (query.Count > 0 && query.Offset + query.Count < matches.Count)
        {
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = urls.Base + "/MedicationKnowledge?" + query.LinkQuery(context.Request.Query, query.Offset + query.Count) });
        }

        if (moreMayMatch)
        {
            bundle.Entry.Add(NameLimitOutcome(query.Name!));
        }

        foreach (var id in matches.Skip(query.Offset).Take(query.Count))
        {
            if (await catalog.FindAsync(id, context.RequestAborted).ConfigureAwait(false) is { } source)
            {
                bundle.Entry.Add(new Bundle.EntryComponent
                {
                    FullUrl = urls.Resource("MedicationKnowledge", id),
                    Resource = MedicationKnowledgeBuilder.Build(source, urls),
                    Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
                });
            }
        }

        return new FhirResult(bundle);
    }

    /// <summary>The searchset entry saying a name search stopped at the names index's bounded lookup, so other drugs may match.</summary>
    private static Bundle.EntryComponent NameLimitOutcome(string name) => new()
    {
        // Every searchset entry has a fullUrl (bdl-15); the same search gives the same one.
        FullUrl = "urn:uuid:" + CardText.Uuid("fhir-name-limit", name),
        Resource = new OperationOutcome
        {
            Issue =
            [
                new OperationOutcome.IssueComponent
                {
                    Severity = OperationOutcome.IssueSeverity.Warning,
                    Code = OperationOutcome.IssueType.Incomplete,
                    Diagnostics = $"At least {SearchLimits.MaxSuggestions} names match '{name}'; only the drugs of the best {SearchLimits.MaxSuggestions} are given. Give more of the name, or search by code.",
                },
            ],
        },
        Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Outcome },
    };
}
