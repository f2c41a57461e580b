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
}
