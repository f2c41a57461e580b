using System.Net;
using System.Text;
using Formulary.Web.Tests.Hosting;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace Formulary.Web.Tests.Fhir;

/// <summary>The FHIR endpoints over real HTTP; every resource they answer with is checked by the Firely validator.</summary>
public sealed class FhirEndpointTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private string Base => site.BaseAddress.ToString().TrimEnd('/');

    [Fact]
    public async Task Metadata_IsAValidR4CapabilityStatement()
    {
        var statement = await GetValidAsync<CapabilityStatement>("/fhir/metadata");

        Assert.Equal(FHIRVersion.N4_0_1, statement.FhirVersion);
        var resource = Assert.Single(statement.Rest.Single().Resource, r => r.Type == "MedicationKnowledge");
        Assert.Equal(["code", "_id", "name"], resource.SearchParam.Select(p => p.Name));
        Assert.Contains(resource.Interaction, i => i.Code == CapabilityStatement.TypeRestfulInteraction.Read);
        Assert.Contains(resource.Interaction, i => i.Code == CapabilityStatement.TypeRestfulInteraction.SearchType);
    }

    [Fact]
    public async Task Read_Clofarabine_CarriesNamesDosesPatientsAndCitations()
    {
        var drug = await GetValidAsync<MedicationKnowledge>("/fhir/MedicationKnowledge/clofarabine");

        Assert.Equal("clofarabine", drug.Id);
        Assert.Equal(Base + "/fhir/CodeSystem/monograph", drug.Code!.Coding.Single().System);
        Assert.Equal("clofarabine", drug.Code!.Coding.Single().Code);
        Assert.Contains("Clolar", drug.Synonym);

        // The seed's pediatric regimen: 52 mg/m² IV over 2 hours daily for 5 days, ages 1 to 21 (from 1, below 22).
        var pediatric = drug.AdministrationGuidelines.Single(g => g.PatientCharacteristics.Any(p => p.Value.SequenceEqual([">=1 a", "<22 a"])));
        var dosage = pediatric.Dosage.Single().Dosage.Single();
        var dose = Assert.IsType<Quantity>(dosage.DoseAndRate.Single().Dose);
        Assert.Equal((52m, "mg/m2", "http://unitsofmeasure.org"), (dose.Value!.Value, dose.Code, dose.System));
        Assert.Equal(2m, dosage.Timing!.Repeat!.Duration);
        Assert.Equal(Timing.UnitsOfTime.H, dosage.Timing.Repeat.DurationUnit);
        Assert.Equal(5m, Assert.IsType<Duration>(dosage.Timing.Repeat.Bounds).Value);
        Assert.Contains("\"52 mg/m² administered as an intravenous infusion over 2 hours daily for 5 consecutive days.\"", dosage.Text, StringComparison.Ordinal);
        Assert.Contains("2-6 weeks", dosage.AdditionalInstruction.Single().Text, StringComparison.Ordinal);

        // Adults over 21: 40 mg/m², off-label.
        var adult = drug.AdministrationGuidelines.Single(g => g.PatientCharacteristics.Any(p => p.Value.SequenceEqual([">=22 a"])));
        Assert.Equal(40m, Assert.IsType<Quantity>(adult.Dosage.Single().Dosage.Single().DoseAndRate.Single().Dose).Value);
        Assert.Contains("off-label", ((CodeableConcept)adult.Indication!).Text, StringComparison.OrdinalIgnoreCase);

        // Weight < 20 kg: consider a longer infusion; below 1 year: not established.
        Assert.Contains(drug.AdministrationGuidelines, g => g.PatientCharacteristics.Any(p => ((CodeableConcept)p.Characteristic!).Coding.Single().Code == "29463-7" && p.Value.SequenceEqual(["<20 kg"])));
        Assert.Contains(drug.AdministrationGuidelines, g => g.PatientCharacteristics.Any(p => p.Value.SequenceEqual(["<1 a"])));
    }

    [Fact]
    public async Task Read_Clofarabine_ContraindicationsAndSafetyExtensions()
    {
        var drug = await GetValidAsync<MedicationKnowledge>("/fhir/MedicationKnowledge/clofarabine");

        var issues = drug.Contained.OfType<DetectedIssue>().ToList();
        Assert.Equal(
            ["Hypersensitivity to the drug", "Severe renal impairment", "Severe hepatic impairment", "Breastfeeding", "Pregnancy"],
            drug.Contraindication.Select(c => c.Display));
        Assert.All(drug.Contraindication, c => Assert.Contains(issues, i => "#" + i.Id == c.Reference));
        Assert.Contains("Drug Profile Summary", issues.Single(i => i.Code!.Text == "Contraindication: Pregnancy").Detail, StringComparison.Ordinal);

        Assert.Contains(Statements(drug, "formulary-pregnancy"), s => s.Kind == "contraindicated");
        Assert.Contains(Statements(drug, "formulary-pregnancy"), s => s is { Kind: "contraception", Code: "female" } && s.Text.Contains("6 months", StringComparison.Ordinal));
        Assert.Contains(Statements(drug, "formulary-pregnancy"), s => s is { Kind: "contraception", Code: "male" } && s.Text.Contains("3 months", StringComparison.Ordinal));
        Assert.Equal("contraindicated", Statements(drug, "formulary-lactation").Single().Kind);
        Assert.Contains(Statements(drug, "formulary-monitoring"), s => s is { Kind: "monitor", Code: "CBC" } && s.Section is not null);
        Assert.Contains(Statements(drug, "formulary-monitoring"), s => s is { Kind: "before-next-cycle", Code: "ANC_RECOVERED" });

        // The rules' interactions (clofarabine.rules.yaml: nephrotoxic and hepatotoxic, from Drug Interactions).
        Assert.Equal(["nephrotoxic", "hepatotoxic"], Statements(drug, "formulary-interaction").Where(s => s.Kind == "interacts").Select(s => s.Code));
        Assert.All(Statements(drug, "formulary-interaction"), s => Assert.Equal("Drug Interactions", s.Section));
    }

    [Fact]
    public async Task Read_Clofarabine_RenalBandToxicityAndCautions_AreGuidelinesForTheirPatients()
    {
        var drug = await GetValidAsync<MedicationKnowledge>("/fhir/MedicationKnowledge/clofarabine");

        // clofarabine.rules.yaml: RENAL_CRCL_30_60, 30-60 mL/min, factor 0.5; toxicity factor 0.75; renal and hepatic cautions.
        var renal = drug.AdministrationGuidelines.Single(g => g.Dosage.Single().Type!.Text == "Renal dose adjustment");
        var kidney = renal.PatientCharacteristics.Single();
        Assert.StartsWith("Kidney function", kidney.Characteristic is CodeableConcept { Text: var text } ? text : null, StringComparison.Ordinal);
        Assert.Equal([">=30 mL/min", "<=60 mL/min"], kidney.Value);
        var renalText = renal.Dosage.Single().Dosage.Single().Text;
        Assert.Contains("Kidney function 30-60 mL/min: give 0.5 × the dose (RENAL_CRCL_30_60).", renalText, StringComparison.Ordinal);
        Assert.Contains("50% reduction for creatinine clearance 30-60 mL/min", renalText, StringComparison.Ordinal);

        var toxicity = drug.AdministrationGuidelines.Single(g => g.Dosage.Single().Type!.Text == "Dose after toxicity");
        Assert.Contains("give 0.75 × the dose", toxicity.Dosage.Single().Dosage.Single().Text, StringComparison.Ordinal);
        Assert.Contains("Reduce the dose by 25%", toxicity.Dosage.Single().Dosage.Single().Text, StringComparison.Ordinal);
        Assert.Contains(drug.AdministrationGuidelines, g => g.Dosage.Single().Type!.Text == "Renal caution");
        Assert.Contains(drug.AdministrationGuidelines, g => g.Dosage.Single().Type!.Text == "Hepatic caution");
    }

    [Fact]
    public async Task Read_DrugWithoutRules_HasNamesOnlyAndSaysNothingIsStated()
    {
        var drug = await GetValidAsync<MedicationKnowledge>("/fhir/MedicationKnowledge/folicacid");

        Assert.Empty(drug.AdministrationGuidelines);
        Assert.Empty(drug.Contraindication);
        Assert.Equal("not-stated", Statements(drug, "formulary-pregnancy").Single().Kind);
        Assert.Equal("not-stated", Statements(drug, "formulary-lactation").Single().Kind);
    }

    [Fact]
    public async Task Read_Combination_ListsItsIngredients()
    {
        var drug = await GetValidAsync<MedicationKnowledge>("/fhir/MedicationKnowledge/folicacid-methotrexate");

        Assert.Equal(["folicacid", "methotrexate"], drug.Ingredient.Select(i => ((CodeableConcept)i.Item!).Coding.Single().Code).Order());
    }

    [Fact]
    public async Task Read_EveryDrugWithRules_Validates()
    {
        foreach (var id in new[] { "ampicillin", "carboplatin", "gentamicin", "ondansetron", "paracetamol" })
        {
            var drug = await GetValidAsync<MedicationKnowledge>("/fhir/MedicationKnowledge/" + id);
            Assert.Equal(id, drug.Id);
        }
    }

    [Theory]
    [InlineData("code=clofarabine")]
    [InlineData("code={base}/fhir/CodeSystem/monograph|clofarabine")]
    [InlineData("code=no-such-drug,clofarabine")]
    [InlineData("name=clolar")]
    [InlineData("name=CLOFA")]
    [InlineData("name=clofarabine&code=clofarabine")]
    [InlineData("_id=clofarabine")]
    [InlineData("_id=methotrexate,clofarabine&code=clofarabine")]
    [InlineData("code=clofarabine&_count=100")]
    public async Task Search_FindsClofarabine(string query)
    {
        var bundle = await GetValidAsync<Bundle>("/fhir/MedicationKnowledge?" + query.Replace("{base}", Base, StringComparison.Ordinal));

        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        var entry = Assert.Single(bundle.Entry);
        Assert.Equal(1, bundle.Total);
        Assert.Equal(Base + "/fhir/MedicationKnowledge/clofarabine", entry.FullUrl);
        Assert.Equal("clofarabine", entry.Resource!.Id);
    }

    [Theory]
    [InlineData("code=http://www.nlm.nih.gov/research/umls/rxnorm|2285")]
    [InlineData("code=no-such-drug")]
    [InlineData("name=zzzz")]
    [InlineData("name=ondansetron&code=clofarabine")]
    [InlineData("_id=clofarabine&code=methotrexate")]
    public async Task Search_NoMatch_IsAnEmptyBundle(string query)
    {
        var bundle = await GetValidAsync<Bundle>("/fhir/MedicationKnowledge?" + query);

        Assert.Equal(0, bundle.Total);
        Assert.Empty(bundle.Entry);
    }

    [Theory]
    [InlineData("_count=0")]
    [InlineData("_summary=count")]
    public async Task Search_CountAlone_IsTheTotalWithoutEntries(string page)
    {
        var bundle = await GetValidAsync<Bundle>("/fhir/MedicationKnowledge?code=clofarabine,methotrexate&" + page);

        Assert.Equal(2, bundle.Total);
        Assert.Empty(bundle.Entry);
        Assert.DoesNotContain(bundle.Link, link => link.Relation == "next");
    }

    [Fact]
    public async Task Search_CountAboveTheMost_GivesTheMostAndItsLinksSaySo()
    {
        var bundle = await GetValidAsync<Bundle>("/fhir/MedicationKnowledge?code=clofarabine&_count=500");

        Assert.Equal("clofarabine", Assert.Single(bundle.Entry).Resource!.Id);
        Assert.Equal(Base + "/fhir/MedicationKnowledge?code=clofarabine&_count=100", bundle.Link.Single(link => link.Relation == "self").Url);
    }

    [Fact]
    public async Task Search_PagedByCount_NextLinksGiveEveryMatchOnce()
    {
        var path = "/fhir/MedicationKnowledge?code=clofarabine,methotrexate,gentamicin&_count=2";
        var seen = new List<string?>();
        var pages = 0;
        while (path is not null)
        {
            var bundle = await GetValidAsync<Bundle>(path);
            pages++;
            Assert.Equal(3, bundle.Total);
            Assert.InRange(bundle.Entry.Count, 1, 2);
            seen.AddRange(bundle.Entry.Select(entry => entry.Resource!.Id));
            path = bundle.Link.FirstOrDefault(link => link.Relation == "next")?.Url is { } next
                ? next[Base.Length..]
                : null;
        }

        Assert.Equal(2, pages);
        Assert.Equal(["clofarabine", "methotrexate", "gentamicin"], seen);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?_count=3")]
    public async Task Search_WithoutFilters_PagesThroughEveryCompositionAndCombinationOnce(string first)
    {
        // What the site holds, read from its content folder (not from the server): one drug per composition and combination file.
        var files = new[] { "compositions", "combinations" }
            .Sum(folder => Directory.EnumerateFiles(Path.Combine(site.ContentDirectory, folder), "*.md").Count());

        string? path = "/fhir/MedicationKnowledge" + first;
        var seen = new List<string?>();
        while (path is not null)
        {
            var bundle = await GetValidAsync<Bundle>(path);
            Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
            Assert.Equal(files, bundle.Total);
            Assert.InRange(bundle.Entry.Count, 1, first.Length == 0 ? 100 : 3);
            seen.AddRange(bundle.Entry.Select(entry => entry.Resource!.Id));
            path = bundle.Link.FirstOrDefault(link => link.Relation == "next")?.Url is { } next ? next[Base.Length..] : null;
        }

        Assert.Equal(files, seen.Count);
        Assert.Equal(files, seen.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("clofarabine", seen);
        Assert.Contains("folicacid-methotrexate", seen);
    }

    [Theory]
    [InlineData("GET", "/fhir/MedicationKnowledge/no-such-drug", HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound)]
    [InlineData("GET", "/fhir/MedicationKnowledge/bad_id!", HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound)]
    [InlineData("GET", "/fhir/Patient/1", HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound)]
    [InlineData("GET", "/fhir/StructureDefinition/nothing", HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound)]
    [InlineData("GET", "/fhir/MedicationKnowledge?nmae=clolar", HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid)]
    [InlineData("GET", "/fhir/MedicationKnowledge?name:exact=Clofarabine", HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid)]
    [InlineData("GET", "/fhir/MedicationKnowledge?code=a&code=b", HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid)]
    [InlineData("GET", "/fhir/MedicationKnowledge?name=", HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid)]
    [InlineData("GET", "/fhir/MedicationKnowledge?name=c", HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid)]
    [InlineData("GET", "/fhir/MedicationKnowledge?code=clofarabine&_count=-1", HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid)]
    [InlineData("GET", "/fhir/MedicationKnowledge?code=clofarabine&_count=1.5", HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid)]
    [InlineData("GET", "/fhir/MedicationKnowledge?code=clofarabine&_summary=true", HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid)]
    [InlineData("GET", "/fhir/MedicationKnowledge?code=clofarabine&_offset=x", HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid)]
    [InlineData("GET", "/fhir/MedicationKnowledge?code=clofarabine&_offset=10001", HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid)]
    [InlineData("GET", "/fhir/MedicationKnowledge?_offset=1000001", HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid)]
    [InlineData("GET", "/fhir/MedicationKnowledge?code=clofarabine&_format=xml", HttpStatusCode.NotAcceptable, OperationOutcome.IssueType.NotSupported)]
    [InlineData("GET", "/fhir/metadata?_format=xml", HttpStatusCode.NotAcceptable, OperationOutcome.IssueType.NotSupported)]
    [InlineData("GET", "/fhir/MedicationKnowledge/clofarabine?_format=application/fhir%2Bxml", HttpStatusCode.NotAcceptable, OperationOutcome.IssueType.NotSupported)]
    [InlineData("GET", "/fhir/MedicationKnowledge/clofarabine?_format=json&_format=xml", HttpStatusCode.NotAcceptable, OperationOutcome.IssueType.NotSupported)]
    [InlineData("DELETE", "/fhir/MedicationKnowledge/clofarabine", HttpStatusCode.MethodNotAllowed, OperationOutcome.IssueType.NotSupported)]
    [InlineData("POST", "/fhir/metadata", HttpStatusCode.MethodNotAllowed, OperationOutcome.IssueType.NotSupported)]
    public async Task Errors_AreOperationOutcomes(string method, string path, HttpStatusCode status, OperationOutcome.IssueType issueType)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method == "POST")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/fhir+json");
        }

        using var response = await site.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var outcome = Assert.IsType<OperationOutcome>(FhirValidation.Parse(body));
        var issue = Assert.Single(outcome.Issue);
        Assert.Equal(issueType, issue.Code);
        Assert.Equal(OperationOutcome.IssueSeverity.Error, issue.Severity);
        Assert.Empty(await FhirValidation.ErrorsAsync(outcome, site.Client));
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/fhir+xml", HttpStatusCode.NotAcceptable)]
    [InlineData("application/xml, text/xml", HttpStatusCode.NotAcceptable)]
    [InlineData("application/fhir+xml, application/fhir+json;q=0", HttpStatusCode.NotAcceptable)]
    [InlineData("application/fhir+xml, application/fhir+json;q=0.5", HttpStatusCode.OK)]
    [InlineData("application/json+fhir", HttpStatusCode.OK)]
    [InlineData("application/json", HttpStatusCode.OK)]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", HttpStatusCode.OK)]
    // the FHIR version parameter: R4 is 4.0 (a 4.0 patch release too); STU3 (3.0) or R5 (5.0) cannot be served
    [InlineData("application/fhir+json; fhirVersion=4.0", HttpStatusCode.OK)]
    [InlineData("application/fhir+json; fhirVersion=\"4.0.1\"", HttpStatusCode.OK)]
    [InlineData("application/fhir+json; fhirVersion=3.0", HttpStatusCode.NotAcceptable)]
    [InlineData("application/fhir+json; fhirVersion=5.0, application/json; fhirVersion=3.0", HttpStatusCode.NotAcceptable)]
    public async Task Accept_OnlyAFormatOtherThanJson_Is406AsAnOperationOutcome(string accept, HttpStatusCode status)
    {
        foreach (var path in new[] { "/fhir/metadata", "/fhir/MedicationKnowledge/clofarabine", "/fhir/MedicationKnowledge?code=clofarabine" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            request.Headers.TryAddWithoutValidation("Accept", accept);

            using var response = await site.Client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal((path, status), (path, response.StatusCode));
            Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
            if (status == HttpStatusCode.NotAcceptable)
            {
                var issue = Assert.Single(Assert.IsType<OperationOutcome>(FhirValidation.Parse(body)).Issue);
                Assert.Equal(OperationOutcome.IssueType.NotSupported, issue.Code);
                Assert.Contains("application/fhir+json only", issue.Diagnostics ?? issue.Details?.Text ?? string.Empty, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task MalformedJsonBodyUnderFhir_IsAnOperationOutcomeFromTheSameMapping()
    {
        // The problem mapping's exception path: the catalog's own 404 HTML page and problem+json never appear under /fhir.
        using var response = await site.Client.GetAsync(new Uri("/fhir/nothing/here", UriKind.Relative));
        var outcome = Assert.IsType<OperationOutcome>(FhirValidation.Parse(await response.Content.ReadAsStringAsync()));

        Assert.Equal("not-found", outcome.Issue.Single().Details!.Coding.Single().Code);
        Assert.Equal(Base + "/problems", outcome.Issue.Single().Details!.Coding.Single().System);
    }

    [Theory]
    [InlineData("formulary-pregnancy")]
    [InlineData("formulary-lactation")]
    [InlineData("formulary-monitoring")]
    [InlineData("formulary-interaction")]
    public async Task ExtensionDefinitions_AreServedUnderTheirUrlAndValid(string id)
    {
        var definition = await GetValidAsync<StructureDefinition>("/fhir/StructureDefinition/" + id);

        Assert.Equal(Base + "/fhir/StructureDefinition/" + id, definition.Url);
        Assert.Equal("Extension", definition.Type);
        Assert.Equal("MedicationKnowledge", definition.Context.Single().Expression);
    }

    [Fact]
    public async Task Validator_RejectsAStatementMissingItsText()
    {
        // Guards the guard: the checks above mean something only if the validator applies the served definitions.
        var drug = FhirValidation.Parse(await site.Client.GetStringAsync(new Uri("/fhir/MedicationKnowledge/clofarabine", UriKind.Relative)));
        var pregnancy = drug is MedicationKnowledge knowledge ? knowledge.Extension.First(e => e.Url!.EndsWith("formulary-pregnancy", StringComparison.Ordinal)) : null;
        pregnancy!.RemoveExtension("text");

        Assert.NotEmpty(await FhirValidation.ErrorsAsync(drug, site.Client));
    }

    [Fact]
    public async Task NonFhirPaths_KeepProblemJson()
    {
        using var response = await site.Client.GetAsync(new Uri("/api/monographs/compositions/no-such-drug", UriKind.Relative));

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<T> GetValidAsync<T>(string path)
        where T : Resource
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var resource = Assert.IsType<T>(FhirValidation.Parse(body));
        Assert.Empty(await FhirValidation.ErrorsAsync(resource, site.Client));
        return resource;
    }

    private static List<(string Kind, string? Code, string Text, string? Section)> Statements(MedicationKnowledge drug, string id) =>
        [.. drug.Extension.Where(e => e.Url!.EndsWith("/fhir/StructureDefinition/" + id, StringComparison.Ordinal)).Select(e => (
            ((Code)e.GetExtension("kind")!.Value!).Value!,
            (e.GetExtension("code")?.Value as FhirString)?.Value,
            ((FhirString)e.GetExtension("text")!.Value!).Value!,
            (e.GetExtension("section")?.Value as FhirString)?.Value))];
}
