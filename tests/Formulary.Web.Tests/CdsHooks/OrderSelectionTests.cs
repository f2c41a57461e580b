using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.CdsHooks;

/// <summary>
/// What <c>order-select</c>'s <c>selections</c> may name, and whose draft orders are checked. The base request is vector
/// 10 (two drafts, order-a for Clolar and order-b, one selected). A selection names a draft order by <c>Type/id</c> or by its
/// entry's <c>fullUrl</c>; one that names none, or an empty list, is a 400 naming it, never an empty answer: an empty answer
/// reads as "checked". A draft order whose subject is another patient is refused as a prefetched resource of another patient is.
/// </summary>
public sealed class OrderSelectionTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static JsonObject Selecting(params string[] selections)
    {
        var request = CdsCall.Vector("10-order-select-brand");
        request["context"]!["selections"] = new JsonArray([.. selections.Select(s => (JsonNode)JsonValue.Create(s))]);
        return request;
    }

    private static void AssertProblem(HttpStatusCode status, JsonElement problem, string property, string detail)
    {
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(property, problem.GetProperty("property").GetString());
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MedicationRequest/zzz", "")]
    [InlineData("order-a", "not its id alone")]
    [InlineData("MedicationRequest/order-a/_history/1", "")]
    [InlineData("ServiceRequest/order-a", "")]
    public async Task Select_SelectionThatNamesNoDraftOrder_Returns400NamingIt(string selection, string hint)
    {
        var (status, problem) = await CdsCall.PostAsync(site.Client, Selecting("MedicationRequest/order-b", selection), CdsCall.Select);

        AssertProblem(status, problem, "context.selections[1]", $"'{selection}' names no order in context.draftOrders");
        Assert.Contains(hint, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Select_EmptySelections_Returns400_NotAnEmptyAnswer()
    {
        var (status, problem) = await CdsCall.PostAsync(site.Client, Selecting(), CdsCall.Select);

        AssertProblem(status, problem, "context.selections", "'context.selections' is empty");
    }

    [Fact]
    public async Task Select_SelectionNamingADraftByItsFullUrl_ChecksThatOrder()
    {
        var request = Selecting("urn:uuid:aaaaaaaa-0000-4000-8000-000000000001");
        var entry = request["context"]!["draftOrders"]!["entry"]![0]!.AsObject();
        entry["fullUrl"] = "urn:uuid:aaaaaaaa-0000-4000-8000-000000000001";
        entry["resource"]!.AsObject().Remove("id");

        var (status, body) = await CdsCall.PostAsync(site.Client, request, CdsCall.Select);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("Clofarabine: 55.1 mg/day", Assert.Single(CdsCall.Cards(body)).GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Select_SelectionOfADraftThatIsNotAMedicationOrder_IsValid_AndHasNothingToCheck()
    {
        var request = Selecting("ServiceRequest/cbc");
        request["context"]!["draftOrders"]!["entry"]!.AsArray().Add(new JsonObject
        {
            ["resource"] = new JsonObject { ["resourceType"] = "ServiceRequest", ["id"] = "cbc", ["status"] = "draft", ["intent"] = "order", ["code"] = new JsonObject { ["text"] = "CBC" }, ["subject"] = new JsonObject { ["reference"] = "Patient/child-1" } },
        });

        var (status, body) = await CdsCall.PostAsync(site.Client, request, CdsCall.Select);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(CdsCall.Cards(body));
    }

    [Theory]
    [InlineData(CdsCall.Sign, "Patient/zzz")]
    [InlineData(CdsCall.Sign, "https://ehr.example/fhir/Patient/zzz")]
    [InlineData(CdsCall.Sign, "urn:uuid:aaaaaaaa-0000-4000-8000-000000000009")]
    [InlineData(CdsCall.Select, "Patient/zzz")]
    public async Task Call_DraftOrderForAnotherPatient_Returns400NamingItsSubject_AndNoCard(string service, string subject)
    {
        var request = service == CdsCall.Select ? Selecting("MedicationRequest/order-a") : CdsCall.Vector("01-child");
        request["hook"] = service == CdsCall.Select ? "order-select" : "order-sign";
        CdsCall.Order(request)["subject"] = new JsonObject { ["reference"] = subject };

        var (status, problem) = await CdsCall.PostAsync(site.Client, request, service);

        AssertProblem(status, problem, "context.draftOrders.entry[0].resource.subject", $"is for '{subject}', not the patient in context.patientId");
    }

    [Theory]
    [InlineData("Patient/child-1")]
    [InlineData("https://ehr.example/fhir/Patient/child-1")]
    public async Task Call_DraftOrderForThePatientInContext_RelativeOrAbsolute_IsChecked(string subject)
    {
        var request = CdsCall.Vector("01-child");
        CdsCall.Order(request)["subject"] = new JsonObject { ["reference"] = subject };

        var (status, body) = await CdsCall.PostAsync(site.Client, request);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("Clofarabine: 55.1 mg/day", Assert.Single(CdsCall.Cards(body)).GetProperty("summary").GetString(), StringComparison.Ordinal);
    }
}
