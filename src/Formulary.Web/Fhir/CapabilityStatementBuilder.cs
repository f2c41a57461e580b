using Hl7.Fhir.Model;

namespace Formulary.Web.Fhir;

/// <summary>What this FHIR server does (<c>GET /fhir/metadata</c>): read and search MedicationKnowledge, read the extension definitions; JSON only.</summary>
internal static class CapabilityStatementBuilder
{
    /// <summary>The date of this statement; changed when what the server does changes (the snapshot test shows it).</summary>
    public const string Date = "2026-11-30";

    public static CapabilityStatement Build(FhirUrls urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        return new CapabilityStatement
        {
            Url = urls.Base + "/metadata",
            Name = "FormularyFhirServer",
            Title = "Formulary FHIR R4 server",
            Status = PublicationStatus.Active,
            Date = Date,
            Publisher = "Formulary",
            Description = "Drug knowledge from Formulary's monographs and reviewed dose rules, read-only.",
            Kind = CapabilityStatementKind.Instance,
            Software = new CapabilityStatement.SoftwareComponent { Name = "Formulary" },
            Implementation = new CapabilityStatement.ImplementationComponent { Description = "Formulary", Url = urls.Base },
            FhirVersion = FHIRVersion.N4_0_1,
            Format = ["json"],
            Rest =
            [
                new CapabilityStatement.RestComponent
                {
                    Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                    Documentation = "Errors are OperationOutcome resources. Unknown, repeated or empty search parameters are refused (400), never ignored.",
                    Resource =
                    [
                        new CapabilityStatement.ResourceComponent
                        {
                            Type = "MedicationKnowledge",
                            Documentation = "One resource per composition and combination; id is the monograph slug. Search pages: _count (at most "
                                + MedicationKnowledgeQuery.MaxCount.ToString(System.Globalization.CultureInfo.InvariantCulture)
                                + ", the default), _summary=count, and a next link. Extensions: "
                                + string.Join(", ", SafetyExtension.All.Select(e => urls.Extension(e.Id))) + ".",
                            Interaction =
                            [
                                new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read },
                                new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.SearchType },
                            ],
                            SearchParam =
                            [
                                new CapabilityStatement.SearchParamComponent
                                {
                                    Name = "code",
                                    Definition = "http://hl7.org/fhir/SearchParameter/MedicationKnowledge-code",
                                    Type = SearchParamType.Token,
                                    Documentation = "The monograph slug, alone or as " + urls.MonographCodeSystem + "|slug; several joined by commas.",
                                },
                                new CapabilityStatement.SearchParamComponent
                                {
                                    Name = "_id",
                                    Definition = "http://hl7.org/fhir/SearchParameter/Resource-id",
                                    Type = SearchParamType.Token,
                                    Documentation = "The resource id (the monograph slug); several joined by commas.",
                                },
                                new CapabilityStatement.SearchParamComponent
                                {
                                    Name = "name",
                                    Type = SearchParamType.String,
                                    Documentation = "A generic, alternate or brand name: matches a name with a word starting with the text, case and accents ignored (a brand finds its generic).",
                                },
                            ],
                        },
                        new CapabilityStatement.ResourceComponent
                        {
                            Type = "StructureDefinition",
                            Documentation = "The definitions of the pregnancy, lactation and monitoring extensions.",
                            Interaction = [new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read }],
                        },
                    ],
                },
            ],
        };
    }
}
