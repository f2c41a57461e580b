using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.CdsHooks;

/// <summary>
/// CDS Hooks feedback over real HTTP on its own site and SQLite store: cards issued by real calls (conformance
/// vectors 01-child: an info dose card; 02-adult-dose-differs: a dose-change card with a suggestion;
/// 07-contraindicated: a critical card with override reasons), feedback on them, and the summary as JSON and
/// as a page. Each test uses its own hookInstance, so the cards it counts are its own.
/// </summary>
public sealed class CdsFeedbackTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string Sign = "/cds-services/formulary-dose-check";
    private const string Feedback = Sign + "/feedback";
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    [Fact]
    public async Task Feedback_AcceptedSuggestionAndOverrideWithReason_AreCountedPerKindOfCard()
    {
        await OneAtATime.WaitAsync();
        try
        {
            var before = await SummaryAsync();
            var change = await IssueAsync("02-adult-dose-differs");
            var contraindicated = await IssueAsync("07-contraindicated");
            Assert.Equal("warning", change.GetProperty("indicator").GetString());
            Assert.Equal("critical", contraindicated.GetProperty("indicator").GetString());
            var suggestion = change.GetProperty("suggestions")[0].GetProperty("uuid").GetString();

            var (status, body) = await PostAsync(Feedback, Entries(
                Entry(change, "accepted", extra: new JsonObject { ["acceptedSuggestions"] = new JsonArray(new JsonObject { ["id"] = suggestion }) }),
                Entry(contraindicated, "overridden", extra: new JsonObject
                {
                    ["overrideReason"] = new JsonObject
                    {
                        ["reason"] = new JsonObject { ["code"] = "benefit-outweighs-risk", ["system"] = "urn:formulary:cds-hooks:override-reason", ["display"] = "Benefit outweighs the risk (specialist decision)" },
                        ["userComment"] = "PATIENT-SECRET-COMMENT discussed with oncology",
                    },
                })));
            var after = await SummaryAsync();

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal((2, 0), (body.GetProperty("recorded").GetInt32(), body.GetProperty("alreadyRecorded").GetInt32()));
            var changeRow = Row(after, "dose-change", "warning");
            Assert.Equal(Count(before, "dose-change", "warning", "issued") + 1, changeRow.GetProperty("issued").GetInt64());
            Assert.Equal(Count(before, "dose-change", "warning", "accepted") + 1, changeRow.GetProperty("accepted").GetInt64());
            var critical = Row(after, "contraindicated", "critical");
            Assert.Equal(Count(before, "contraindicated", "critical", "overridden") + 1, critical.GetProperty("overridden").GetInt64());
            var reason = Assert.Single(critical.GetProperty("reasons").EnumerateArray().ToList());
            Assert.Equal("benefit-outweighs-risk", reason.GetProperty("code").GetString());
            Assert.DoesNotContain("PATIENT-SECRET-COMMENT", after.GetRawText(), StringComparison.Ordinal);

            using var page = await site.Client.GetAsync(new Uri("/cds-feedback/", UriKind.Relative));
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Contraindicated for this patient", html, StringComparison.Ordinal);
            Assert.Contains("Ordered dose differs from the computed dose", html, StringComparison.Ordinal);
            Assert.Contains("Benefit outweighs the risk (specialist decision): 1", html, StringComparison.Ordinal);
            Assert.DoesNotContain("PATIENT-SECRET-COMMENT", html, StringComparison.Ordinal);
            Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    [Fact]
    public async Task Feedback_SentTwice_IsRecordedOnce()
    {
        await OneAtATime.WaitAsync();
        try
        {
            var card = await IssueAsync("01-child");
            var body = Entries(Entry(card, "overridden"));

            var (_, first) = await PostAsync(Feedback, body);
            var (status, second) = await PostAsync(Feedback, body);

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(1, first.GetProperty("recorded").GetInt32());
            Assert.Equal((0, 1), (second.GetProperty("recorded").GetInt32(), second.GetProperty("alreadyRecorded").GetInt32()));
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    [Fact]
    public async Task Feedback_OnACardNeverIssued_IsKeptAndCountedAsUnknown()
    {
        await OneAtATime.WaitAsync();
        try
        {
            var before = Count(await SummaryAsync(), "unknown", null, "overridden");

            var (status, _) = await PostAsync(Feedback, """{"feedback":[{"card":"urn:uuid:9f1c0a52-0000-4000-8000-000000000001","outcome":"overridden","outcomeTimestamp":"2026-03-02T09:01:00+01:00"}]}""");

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(before + 1, Row(await SummaryAsync(), "unknown", null).GetProperty("overridden").GetInt64());
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    [Theory]
    [InlineData("""{"feedback":[{"card":"9f1c0a52-0000-4000-8000-000000000001","outcome":"accepted","outcomeTimestamp":"2026-03-02T09:01:00Z","outcom":"x"}]}""", "/problems/unknown-property", "feedback[0].outcom")]
    [InlineData("""{"feedback":[{"card":"9f1c0a52-0000-4000-8000-000000000001","outcome":"accepted","outcome":"overridden","outcomeTimestamp":"2026-03-02T09:01:00Z"}]}""", "/problems/duplicate-property", "feedback[0].outcome")]
    [InlineData("""{"feedback":[{"card":"9f1c0a52-0000-4000-8000-000000000001","outcome":"ignored","outcomeTimestamp":"2026-03-02T09:01:00Z"}]}""", "/problems/invalid-cds-request", "feedback[0].outcome")]
    [InlineData("""{"feedback":[{"card":"card-1","outcome":"accepted","outcomeTimestamp":"2026-03-02T09:01:00Z"}]}""", "/problems/invalid-cds-request", "feedback[0].card")]
    [InlineData("""{"feedback":[{"card":"9f1c0a52-0000-4000-8000-000000000001","outcome":"accepted","outcomeTimestamp":"2026-03-02T09:01:00"}]}""", "/problems/invalid-cds-request", "feedback[0].outcomeTimestamp")]
    [InlineData("""{"feedback":[{"card":"9f1c0a52-0000-4000-8000-000000000001","outcome":"accepted","outcomeTimestamp":"2026-03-02"}]}""", "/problems/invalid-cds-request", "feedback[0].outcomeTimestamp")]
    [InlineData("""{"feedback":[{"card":"9f1c0a52-0000-4000-8000-000000000001","outcome":"overridden","outcomeTimestamp":"2026-03-02T09:01:00Z","acceptedSuggestions":[{"id":"9f1c0a52-0000-4000-8000-000000000002"}]}]}""", "/problems/invalid-cds-request", "feedback[0].acceptedSuggestions")]
    [InlineData("""{"feedback":[{"card":"9f1c0a52-0000-4000-8000-000000000001","outcome":"accepted","outcomeTimestamp":"2026-03-02T09:01:00Z","acceptedSuggestions":[{"id":"9f1c0a52-0000-4000-8000-000000000002"}],"overrideReason":{"userComment":"x"}}]}""", "/problems/invalid-cds-request", "feedback[0].overrideReason")]
    // "Required for accepted outcomes" (CDS Hooks 2.0 §Feedback): an acceptance names the suggestions accepted, one or more
    [InlineData("""{"feedback":[{"card":"9f1c0a52-0000-4000-8000-000000000001","outcome":"accepted","outcomeTimestamp":"2026-03-02T09:01:00Z"}]}""", "/problems/invalid-cds-request", "feedback[0].acceptedSuggestions")]
    [InlineData("""{"feedback":[{"card":"9f1c0a52-0000-4000-8000-000000000001","outcome":"accepted","outcomeTimestamp":"2026-03-02T09:01:00Z","acceptedSuggestions":[]}]}""", "/problems/invalid-cds-request", "feedback[0].acceptedSuggestions")]
    [InlineData("""{"feedback":[{"card":"9f1c0a52-0000-4000-8000-000000000001","outcome":"overridden","outcomeTimestamp":"2026-03-02T09:01:00Z","overrideReason":{"reason":{"display":"no code"}}}]}""", "/problems/invalid-cds-request", "feedback[0].overrideReason.reason.code")]
    [InlineData("""{"feedback":[]}""", "/problems/invalid-cds-request", "feedback")]
    [InlineData("""{"cards":[]}""", "/problems/unknown-property", "cards")]
    public async Task Feedback_Malformed_Returns400NamingTheProperty_AndRecordsNothing(string json, string type, string property)
    {
        var (status, problem) = await PostAsync(Feedback, json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(type, problem.GetProperty("type").GetString());
        Assert.Equal(property, problem.GetProperty("property").GetString());
    }

    [Fact]
    public async Task Feedback_UnknownServiceOrNotJson_Is404Or415()
    {
        var (unknown, _) = await PostAsync("/cds-services/no-such-service/feedback", """{"feedback":[]}""");
        using var form = new StringContent("feedback=1", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var notJson = await site.Client.PostAsync(new Uri(Feedback, UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
    }

    private async Task<JsonElement> IssueAsync(string vector)
    {
        var request = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(ConformanceVectorTests.Folder, vector + ".request.json")))!.AsObject();
        request["hookInstance"] = Guid.NewGuid().ToString();
        var (status, body) = await PostAsync(Sign, request.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, status);
        return Assert.Single(body.GetProperty("cards").EnumerateArray().ToList());
    }

    private async Task<JsonElement> SummaryAsync()
    {
        using var response = await site.Client.GetAsync(new Uri("/api/cds-feedback", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static JsonElement Row(JsonElement summary, string kind, string? indicator) =>
        Assert.Single(summary.GetProperty("kinds").EnumerateArray().Where(k => Matches(k, kind, indicator)).ToList());

    private static long Count(JsonElement summary, string kind, string? indicator, string field) =>
        summary.GetProperty("kinds").EnumerateArray().Where(k => Matches(k, kind, indicator)).Select(k => k.GetProperty(field).GetInt64()).SingleOrDefault();

    private static bool Matches(JsonElement row, string kind, string? indicator) =>
        row.GetProperty("kind").GetString() == kind
        && (row.TryGetProperty("indicator", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null) == indicator;

    private static JsonObject Entry(JsonElement card, string outcome, JsonObject? extra = null)
    {
        var entry = new JsonObject { ["card"] = card.GetProperty("uuid").GetString(), ["outcome"] = outcome, ["outcomeTimestamp"] = "2026-03-02T09:01:00Z" };
        foreach (var (name, value) in extra ?? [])
        {
            entry[name] = value?.DeepClone();
        }

        return entry;
    }

    private static string Entries(params JsonObject[] entries) => new JsonObject { ["feedback"] = new JsonArray(entries) }.ToJsonString();

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await site.Client.PostAsync(new Uri(path, UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
