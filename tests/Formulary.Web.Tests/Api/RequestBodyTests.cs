using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.Api;

public sealed class RequestBodyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private async Task<(HttpStatusCode Status, string? Type)> PostAsync(string path, HttpContent content, bool expectContinue = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.ExpectContinue = expectContinue;
        using var response = await site.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        return (response.StatusCode, json.RootElement.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("/api/dose")]
    [InlineData("/api/check")]
    public async Task Post_BodyOverOneMegabyte_Returns413Problem(string path)
    {
        var padding = new string(' ', 1024 * 1024);
        using var content = new StringContent("{\"drug\":\"clofarabine\"" + padding + "}", Encoding.UTF8, "application/json");

        // Expect: 100-continue, as large uploads send it: the server refuses on the declared length before the body
        // is sent. Without it, the server's 413 and close could race the client still writing (a broken pipe, not an answer).
        var (status, type) = await PostAsync(path, content, expectContinue: true);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("/problems/body-too-large", type);
    }

    [Theory]
    [InlineData("{\"drug\": \"clofarabine\", ")]
    [InlineData("not json at all")]
    [InlineData("{\"ageYears\": \"ten\"}")]
    [InlineData("[]")]
    public async Task Post_MalformedJson_Returns400Problem(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var (status, type) = await PostAsync("/api/dose", content);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("/problems/malformed-json", type);
    }

    [Fact]
    public async Task Post_EmptyBody_Returns400Problem()
    {
        using var content = new ByteArrayContent([]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var (status, _) = await PostAsync("/api/dose", content);

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Post_NotJson_Returns415Problem()
    {
        using var content = new StringContent("drug=clofarabine", Encoding.UTF8, "text/plain");

        var (status, type) = await PostAsync("/api/dose", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal("/problems/unsupported-media-type", type);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("\"latin1\"")]
    public async Task Post_CharsetOtherThanUtf8_Returns415(string charset)
    {
        using var content = new ByteArrayContent(Encoding.Unicode.GetBytes("{\"drug\":\"clofarabine\"}"));
        content.Headers.TryAddWithoutValidation("Content-Type", $"application/json; charset={charset}");

        var (status, type) = await PostAsync("/api/dose", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal("/problems/unsupported-media-type", type);
    }

    [Fact]
    public async Task Post_UnknownDrug_Returns404ProblemNamingKnownDrugs()
    {
        using var content = new StringContent("{\"drug\":\"aspirin\",\"ageYears\":10}", Encoding.UTF8, "application/json");
        using var response = await site.Client.PostAsync(new Uri("/api/dose", UriKind.Relative), content);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("/problems/unknown-drug", json.RootElement.GetProperty("type").GetString());
        Assert.Contains("clofarabine", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/dose", "{\"ageYears\":10,\"sex\":\"male\"}")]
    [InlineData("/api/check", "{\"drug\":\" \",\"ageYears\":10}")]
    public async Task Post_NoDrug_Returns400NamingTheProperty(string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await site.Client.PostAsync(new Uri(path, UriKind.Relative), content);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("/problems/bad-request", json.RootElement.GetProperty("type").GetString());
        Assert.Equal("drug", json.RootElement.GetProperty("property").GetString());
        Assert.Contains("clofarabine", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Site_AfterBadRequests_KeepsServing()
    {
        using var bad = new StringContent("{", Encoding.UTF8, "application/json");
        using var _ = await site.Client.PostAsync(new Uri("/api/dose", UriKind.Relative), bad);

        using var health = await site.Client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
