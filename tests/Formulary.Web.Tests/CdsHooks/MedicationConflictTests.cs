using System.Net;
using System.Text.Json.Nodes;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.CdsHooks;

/// <summary>
/// An order whose code, displays and text match different monographs is a conflict: one warning card naming what each
/// matched, and no dose. A brand and its generic agree; a name that matches no monograph is no conflict (vector 01's order,
/// its medication changed).
/// </summary>
public sealed class MedicationConflictTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static JsonObject Ordering(string? text, params (string? Code, string Display)[] codings)
    {
        var request = CdsCall.Vector("01-child");
        var medication = new JsonObject();
        if (text is not null)
        {
            medication["text"] = text;
        }

        medication["coding"] = new JsonArray([.. codings.Select(c => (JsonNode)(c.Code is null
            ? new JsonObject { ["display"] = c.Display }
            : new JsonObject { ["system"] = "http://www.nlm.nih.gov/research/umls/rxnorm", ["code"] = c.Code, ["display"] = c.Display }))]);
        CdsCall.Order(request)["medicationCodeableConcept"] = medication;
        return request;
    }

    [Theory]
    [InlineData("Clofarabine", "1", "Gentamicin", "the text 'Clofarabine' is Clofarabine", "a coding's display 'Gentamicin' is Gentamicin")]
    [InlineData("Clofarabine", "105585", "Methotrexate 2.5 MG Oral Tablet", "the text 'Clofarabine' is Clofarabine", "a coding's display 'Methotrexate 2.5 MG Oral Tablet' is Methotrexate")]
    [InlineData("Gentamicin 80 mg/2 mL", "1", "Clolar", "the text 'Gentamicin 80 mg/2 mL' is Gentamicin", "a coding's display 'Clolar' is Clofarabine")]
    public async Task Call_OrderWhoseNamesMatchDifferentDrugs_IsAWarningNamingEach_AndNoDose(string text, string code, string display, string first, string second)
    {
        var (status, body) = await CdsCall.PostAsync(site.Client, Ordering(text, (code, display)));

        Assert.Equal(HttpStatusCode.OK, status);
        var card = Assert.Single(CdsCall.Cards(body));
        Assert.Equal("warning", card.GetProperty("indicator").GetString());
        Assert.StartsWith("Not checked: the order's medication names different drugs", card.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var detail = card.GetProperty("detail").GetString()!;
        Assert.Contains(first, detail, StringComparison.Ordinal);
        Assert.Contains(second, detail, StringComparison.Ordinal);
        Assert.DoesNotContain("mg per day", detail, StringComparison.Ordinal);
        Assert.False(card.TryGetProperty("suggestions", out _));
        Assert.False(card.TryGetProperty("links", out _));
    }

    [Theory]
    [InlineData("Clofarabine", "Clolar")] // a brand agrees with its generic
    [InlineData("Clofarabine", "Imaginarycillin")] // a display that matches nothing says nothing
    [InlineData("Imaginarycillin", "Clofarabine 1 mg/mL injection")] // a text that matches nothing: the display is used, as before
    [InlineData(null, "Clofarabine")]
    public async Task Call_OrderWhoseMatchingNamesAgree_IsDosed(string? text, string display)
    {
        var (status, body) = await CdsCall.PostAsync(site.Client, Ordering(text, (null, display)));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("Clofarabine: 55.1 mg/day", Assert.Single(CdsCall.Cards(body)).GetProperty("summary").GetString(), StringComparison.Ordinal);
    }
}
