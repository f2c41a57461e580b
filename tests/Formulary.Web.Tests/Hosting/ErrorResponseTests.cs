using System.Net;
using System.Text.Json;

namespace Formulary.Web.Tests.Hosting;

public sealed class ErrorResponseTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task UnknownPage_Requested_ReturnsHtmlNotFoundPage()
    {
        using var response = await site.Client.GetAsync(new Uri("/composition/no-such-drug/x/y", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownApiPath_Requested_ReturnsNotFoundProblem()
    {
        using var response = await site.Client.GetAsync(new Uri("/api/nothing-here", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("/problems/not-found", problem.RootElement.GetProperty("type").GetString());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task ProblemType_Followed_DocumentsTheProblem()
    {
        using var response = await site.Client.GetAsync(new Uri("/problems/body-too-large", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("1 MB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>CDNs and link checkers ask with HEAD: the headers GET would send, no body; a POST-only path stays 405.</summary>
    [Fact]
    public async Task Head_PageAndApi_HeadersOfGetWithoutBody()
    {
        var page = await site.Client.GetByteArrayAsync(new Uri("/composition/clofarabine/", UriKind.Relative));
        using var head = await site.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/composition/clofarabine/", UriKind.Relative)));
        using var dose = await site.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/api/dose", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(page.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, dose.StatusCode);
    }
}
