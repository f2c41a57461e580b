using System.Net;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.Pages;

/// <summary>
/// A rendered page is served before the pipeline (<c>CachedPageShortcut</c>): the answer must be the one the
/// ordinary path gives — same bytes and headers (security headers, coding, ETag, Vary, caching) — and
/// anything that is not a query-less GET or HEAD of a rendered page must still reach its endpoint.
/// </summary>
public sealed class CachedPageShortcutTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static readonly string[] Compared =
    [
        "Content-Type", "Content-Length", "Content-Encoding", "ETag", "Vary", "Cache-Control", "Content-Security-Policy",
        "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Cross-Origin-Opener-Policy", "Permissions-Policy",
    ];

    [Theory]
    [InlineData("/composition/paracetamol/", "/composition/paracetamol/index.html", null)]
    [InlineData("/composition/paracetamol/", "/composition/paracetamol/index.html", "br")]
    [InlineData("/medicines/clolar/", "/medicines/clolar/index.html", "gzip")]
    [InlineData("/", "/", "gzip")]
    [InlineData("/sitemap.xml", "/sitemap.xml", "br")]
    public async Task RenderedPage_RequestedAgain_SameBytesAndHeadersAsFirstAnswer(string path, string ordinaryPath, string? accept)
    {
        // The export's file name goes through the endpoint, never the shortcut: an answer of the ordinary path.
        using var ordinary = await GetAsync(ordinaryPath, accept);
        using var first = await GetAsync(path, accept);
        using var cached = await GetAsync(path, accept);

        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await cached.Content.ReadAsByteArrayAsync());
        Assert.Equal(await ordinary.Content.ReadAsByteArrayAsync(), await cached.Content.ReadAsByteArrayAsync());
        foreach (var name in Compared)
        {
            Assert.Equal(Header(ordinary, name), Header(cached, name));
        }

        Assert.NotNull(Header(cached, "Content-Security-Policy"));
    }

    [Fact]
    public async Task RenderedPagePath_WithQueryOrPost_ReachesTheEndpoint()
    {
        using var rendered = await GetAsync("/composition/clofarabine/", null);
        using var withQuery = await GetAsync("/composition/clofarabine/?x=1", null);
        using var post = await site.Client.PostAsync(new Uri("/composition/clofarabine/", UriKind.Relative), new StringContent(""));

        Assert.Equal(HttpStatusCode.OK, withQuery.StatusCode);
        Assert.Equal(await rendered.Content.ReadAsByteArrayAsync(), await withQuery.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal("application/problem+json", post.Content.Headers.ContentType?.MediaType);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", accept);
        }

        return await site.Client.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : null;
}
