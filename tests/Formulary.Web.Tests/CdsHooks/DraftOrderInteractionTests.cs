using System.Text.Json;
using System.Text.Json.Nodes;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.CdsHooks;

/// <summary>
/// Each order of a call is screened for interactions against the drugs of the call's other orders, over real HTTP. The
/// base is vector 01-child (clofarabine, whose monograph says to avoid nephrotoxic and hepatotoxic drugs) with a second
/// order added.
/// </summary>
public sealed class DraftOrderInteractionTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static JsonObject ChildWith(string secondDrug)
    {
        var request = CdsCall.Vector("01-child");
        var entries = request["context"]!["draftOrders"]!["entry"]!.AsArray();
        var second = entries[0]!.DeepClone();
        second["resource"]!["id"] = "order-2";
        second["resource"]!["medicationCodeableConcept"] = new JsonObject { ["text"] = secondDrug };
        entries.Add(second);
        return request;
    }

    private Task<(List<JsonElement> Cards, string Body)> CardsAsync(JsonObject request) => CdsCall.CardsAsync(site.Client, request);

    [Fact]
    public async Task ClofarabineWithGentamicin_EachCardScreensTheOther()
    {
        var (cards, _) = await CardsAsync(ChildWith("Gentamicin"));

        Assert.Equal(2, cards.Count);
        var clofarabine = cards[0].GetProperty("detail").GetString()!;
        Assert.Equal("warning", cards[0].GetProperty("indicator").GetString());
        Assert.Contains("`INTERACTION_AVOID`: 'Gentamicin' is nephrotoxic: the monograph says concomitant nephrotoxic drugs should be avoided.", clofarabine, StringComparison.Ordinal);
        Assert.Contains("'Clofarabine' is not in Formulary's interaction class list", cards[1].GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameCall_GivesTheSameBytes()
    {
        var (_, first) = await CardsAsync(ChildWith("Gentamicin"));
        var (_, again) = await CardsAsync(ChildWith("Gentamicin"));

        Assert.Equal(first, again);
    }
}
