using System.IO.Compression;
using System.Net;
using System.Text;

namespace Formulary.Web.Tests.Hosting.Compression;

/// <summary>Content coding over real HTTP: cached pages, assets, dynamic pages, the API, FHIR, problems and the 404 page.</summary>
public sealed class CompressionTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string Page = "/composition/clofarabine/";

    public static TheoryData<string> TextResponses => new()
    {
        Page,
        "/",
        "/search?q=clofarabine",
        "/api/search?q=clofarabine",
        "/api/monographs/compositions/clofarabine",
        "/fhir/metadata",
        "/cds-services",
        "/sitemap.xml",
        "/api/nothing-here",
        "/composition/no-such-drug/",
        "/openapi/v1.json",
    };

    [Theory]
    [MemberData(nameof(TextResponses))]
    public async Task TextResponse_AcceptingBrotliOrGzip_SentCompressedWithVary(string path)
    {
        var identity = await SendAsync(path, acceptEncoding: null);
        foreach (var (accept, coding) in new[] { ("br", "br"), ("gzip", "gzip"), ("gzip, deflate, br", "br") })
        {
            using var response = await SendRawAsync(HttpMethod.Get, path, accept);
            var body = await response.Content.ReadAsByteArrayAsync();

            Assert.Equal(identity.Status, response.StatusCode);
            Assert.Equal([coding], response.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            Assert.Equal(WithoutTraceId(identity.Body), WithoutTraceId(Decode(coding, body)));
        }

        Assert.Contains("Accept-Encoding", identity.Vary);
        Assert.Empty(identity.ContentEncoding);
    }

    [Fact]
    public async Task CachedPage_EachCoding_SmallerWithItsOwnETagAndLength()
    {
        using var plain = await SendRawAsync(HttpMethod.Get, Page, null);
        using var gzip = await SendRawAsync(HttpMethod.Get, Page, "gzip");
        using var brotli = await SendRawAsync(HttpMethod.Get, Page, "br");
        var plainBody = await plain.Content.ReadAsByteArrayAsync();
        var gzipBody = await gzip.Content.ReadAsByteArrayAsync();
        var brotliBody = await brotli.Content.ReadAsByteArrayAsync();

        Assert.Equal(3, new[] { plain.Headers.ETag!.Tag, gzip.Headers.ETag!.Tag, brotli.Headers.ETag!.Tag }.Distinct().Count());
        Assert.All(new[] { plain, gzip, brotli }, r => Assert.False(r.Headers.ETag!.IsWeak));
        Assert.Equal(gzipBody.Length, gzip.Content.Headers.ContentLength);
        Assert.Equal(brotliBody.Length, brotli.Content.Headers.ContentLength);
        // A 20 KB monograph page is text: both codings must at least halve it.
        Assert.True(gzipBody.Length * 2 < plainBody.Length, $"gzip {gzipBody.Length} of {plainBody.Length}");
        Assert.True(brotliBody.Length * 2 < plainBody.Length, $"br {brotliBody.Length} of {plainBody.Length}");
    }

    [Fact]
    public async Task CachedPage_ETagOfOtherCoding_NotModifiedOnlyForItsOwn()
    {
        using var brotli = await SendRawAsync(HttpMethod.Get, Page, "br");
        var brotliTag = brotli.Headers.ETag!.ToString();

        using var sameCoding = await SendRawAsync(HttpMethod.Get, Page, "br", ifNoneMatch: brotliTag);
        using var otherCoding = await SendRawAsync(HttpMethod.Get, Page, "gzip", ifNoneMatch: brotliTag);
        using var listed = await SendRawAsync(HttpMethod.Get, Page, "br", ifNoneMatch: "\"other\", W/" + brotliTag);

        Assert.Equal(HttpStatusCode.NotModified, sameCoding.StatusCode);
        Assert.Equal(brotliTag, sameCoding.Headers.ETag!.ToString());
        Assert.Contains("Accept-Encoding", sameCoding.Headers.Vary);
        Assert.Empty(await sameCoding.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, otherCoding.StatusCode);
        Assert.Equal(["gzip"], otherCoding.Content.Headers.ContentEncoding);
        Assert.Equal(HttpStatusCode.NotModified, listed.StatusCode);
    }

    [Theory]
    [InlineData("br;q=0, *", "gzip")]
    [InlineData("*, br;q=0", "gzip")]
    [InlineData("br;q=0, gzip;q=0", null)]
    [InlineData("gzip;q=0.5, identity", null)]
    [InlineData("br;q=0.5, gzip", "gzip")]
    [InlineData("identity;q=0, *;q=0", null)]
    public async Task QualityValues_CachedAndDynamic_NegotiatedAlike(string accept, string? expected)
    {
        foreach (var path in new[] { Page, "/search?q=clofarabine", "/api/search?q=clofarabine" })
        {
            using var response = await SendRawAsync(HttpMethod.Get, path, accept);
            var body = await response.Content.ReadAsByteArrayAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(expected is null ? [] : [expected], response.Content.Headers.ContentEncoding);
            Assert.Contains("clofarabine", Encoding.UTF8.GetString(Decode(expected, body)), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task Head_CachedPage_HeadersOfGetWithoutBody(string? accept)
    {
        using var get = await SendRawAsync(HttpMethod.Get, Page, accept);
        using var head = await SendRawAsync(HttpMethod.Head, Page, accept);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Equal(get.Content.Headers.ContentEncoding, head.Content.Headers.ContentEncoding);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Headers.Vary, head.Headers.Vary);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_DynamicPage_SameCodingAsGetWithoutBody()
    {
        using var get = await SendRawAsync(HttpMethod.Get, "/search?q=clofarabine", "br");
        using var head = await SendRawAsync(HttpMethod.Head, "/search?q=clofarabine", "br");

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(["br"], head.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", head.Headers.Vary);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Assets_Compressed_OncePerCodingWithImmutableCaching()
    {
        var home = Encoding.UTF8.GetString((await SendAsync("/", null)).Body);
        var stylesheet = System.Text.RegularExpressions.Regex.Match(home, "/assets/site\\.[0-9a-f]+\\.css").Value;
        var plain = await SendAsync(stylesheet, null);

        using var brotli = await SendRawAsync(HttpMethod.Get, stylesheet, "br");
        var body = await brotli.Content.ReadAsByteArrayAsync();

        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        Assert.Equal(body.Length, brotli.Content.Headers.ContentLength);
        Assert.Equal(plain.Body, Decode("br", body));
        Assert.True(brotli.Headers.CacheControl!.MaxAge > TimeSpan.FromDays(300));
        Assert.Contains("Accept-Encoding", brotli.Headers.Vary);
    }

    private async Task<(HttpStatusCode Status, byte[] Body, IEnumerable<string> Vary, IEnumerable<string> ContentEncoding)> SendAsync(string path, string? acceptEncoding)
    {
        using var response = await SendRawAsync(HttpMethod.Get, path, acceptEncoding);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(), [.. response.Headers.Vary], [.. response.Content.Headers.ContentEncoding]);
    }

    /// <summary>The fixture's client does not decompress, so the bytes read are the bytes sent.</summary>
    private Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, string? acceptEncoding, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return site.Client.SendAsync(request);
    }

    /// <summary>A problem's trace id differs per request; the rest of the body must not.</summary>
    private static string WithoutTraceId(byte[] body) =>
        System.Text.RegularExpressions.Regex.Replace(Encoding.UTF8.GetString(body), "\"traceId\":\"[^\"]*\"", string.Empty);

    private static byte[] Decode(string? coding, byte[] body)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = coding switch
        {
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            _ => input,
        };
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
