using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Formulary.Web.Tests.CdsHooks;

/// <summary>A call of a CDS service over real HTTP, built from a conformance vector's request and changed where a test says.</summary>
internal static class CdsCall
{
    public const string Sign = "/cds-services/formulary-dose-check";
    public const string Select = "/cds-services/formulary-dose-check-select";

    /// <summary>The request of conformance vector <paramref name="name"/>, to change.</summary>
    public static JsonObject Vector(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(ConformanceVectorTests.Folder, name + ".request.json")))!.AsObject();

    /// <summary>The resource of the request's <paramref name="index"/>th draft order.</summary>
    public static JsonObject Order(JsonObject request, int index = 0) =>
        request["context"]!["draftOrders"]!["entry"]![index]!["resource"]!.AsObject();

    /// <summary>The first Observation of the prefetched search <paramref name="key"/>.</summary>
    public static JsonObject Observation(JsonObject request, string key) =>
        request["prefetch"]![key]!["entry"]![0]!["resource"]!.AsObject();

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, JsonObject request, string path = Sign)
    {
        var (status, text) = await SendAsync(client, request, path);
        return (status, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static List<JsonElement> Cards(JsonElement body) => [.. body.GetProperty("cards").EnumerateArray()];

    /// <summary>Posts <paramref name="request"/> to order-sign, expects 200, and returns the cards and the body as sent.</summary>
    public static async Task<(List<JsonElement> Cards, string Body)> CardsAsync(HttpClient client, JsonObject request)
    {
        var (status, text) = await SendAsync(client, request, Sign);
        Assert.Equal(HttpStatusCode.OK, status);
        return (Cards(JsonDocument.Parse(text).RootElement.Clone()), text);
    }

    /// <summary>The one card of a call of one order.</summary>
    public static async Task<JsonElement> CardAsync(HttpClient client, JsonObject request) =>
        Assert.Single((await CardsAsync(client, request)).Cards);

    private static async Task<(HttpStatusCode Status, string Text)> SendAsync(HttpClient client, JsonObject request, string path)
    {
        using var content = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
