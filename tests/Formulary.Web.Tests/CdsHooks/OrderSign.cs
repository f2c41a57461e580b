using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Formulary.Web.Tests.CdsHooks;

/// <summary>An order-sign call of the tests that change a conformance vector's request and read the cards it gets.</summary>
internal static class OrderSign
{
    /// <summary>The request of conformance vector <paramref name="name"/>, to be changed by the test.</summary>
    public static JsonObject Vector(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(ConformanceVectorTests.Folder, name + ".request.json")))!.AsObject();

    /// <summary>Posts <paramref name="request"/> to formulary-dose-check, expects 200, and returns the cards and the body as sent.</summary>
    public static async Task<(List<JsonElement> Cards, string Body)> CardsAsync(HttpClient client, JsonObject request)
    {
        using var content = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/cds-services/formulary-dose-check", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        return (JsonDocument.Parse(body).RootElement.Clone().GetProperty("cards").EnumerateArray().ToList(), body);
    }

    /// <summary>The one card of a call of one order.</summary>
    public static async Task<JsonElement> CardAsync(HttpClient client, JsonObject request) =>
        Assert.Single((await CardsAsync(client, request)).Cards);
}
