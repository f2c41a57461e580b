using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Formulary.Web.Tests.Hosting;

/// <summary>
/// Issue 12.7: every client fault is a 4xx with its own problem type, never a 500. Each case is one
/// the review reproduced (quoted in the test name) or another of its kind, sent over real HTTP.
/// </summary>
public sealed class ClientFaultTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string Child = "\"drug\":\"clofarabine\",\"ageYears\":10,\"sex\":\"male\",\"weightKg\":30,\"heightCm\":140,\"scrMgDl\":0.5";

    [Fact]
    public async Task GetApi_Bare_RedirectsToReferenceInsteadOf500()
    {
        foreach (var path in new[] { "/api", "/api/" })
        {
            using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("/composition/a%0a")]
    [InlineData("/composition/a%0d%0aSet-Cookie:x=1/")]
    [InlineData("/medicines/%7f/")]
    [InlineData("/api/monographs/compositions/a%1b")]
    public async Task ControlCharacterInPath_AnyRoute_400BadRequest(string path)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "bad-request");
    }

    [Fact]
    public async Task NulInPath_RefusedByKestrelItself_400()
    {
        // Kestrel refuses a decoded NUL before the application sees the request (no body to map).
        using var response = await site.Client.GetAsync(new Uri("/medicines/%00/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("\"startDate\":\"9999-12-31\"", "startDate")]
    [InlineData("\"startDate\":\"0001-01-01\"", "startDate")]
    [InlineData("\"doseRoundingMg\":1e-28", "doseRoundingMg")]
    [InlineData("\"doseRoundingMg\":0.0000001", "doseRoundingMg")]
    public async Task DoseApi_ImplausibleDateOrRounding_422NamingTheField(string field, string name)
    {
        using var response = await PostJsonAsync("/api/dose", "{" + Child + "," + field + "}");

        using var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "input-refused");
        Assert.Contains(problem.RootElement.GetProperty("errors").EnumerateArray(), e => e.GetProperty("property").GetString() == name);
    }

    [Fact]
    public async Task DoseApi_100000Medications_422SmallAnswerNot39MB()
    {
        var medications = string.Join(',', Enumerable.Repeat("\"a\"", 100_000));

        using var response = await PostJsonAsync("/api/dose", "{" + Child + ",\"medications\":[" + medications + "]}");

        using var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "input-refused");
        Assert.Contains(problem.RootElement.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "medications");
        Assert.InRange(problem.RootElement.GetRawText().Length, 1, 100_000);
    }

    [Fact]
    public async Task DoseForm_StartDate9999_AnswersWithTheFieldErrorNot500()
    {
        using var response = await PostFormAsync("ageYears=10&sex=male&weightKg=30&heightCm=140&scrMgDl=0.5&startDate=9999-12-31");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("more than a year from today", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5000)]
    [InlineData(101)]
    public async Task DoseForm_ThousandsOfFields_400MalformedForm(int fields)
    {
        using var response = await PostFormAsync(string.Join('&', Enumerable.Range(0, fields).Select(i => $"f{i}=1")));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "malformed-form");
    }

    [Theory]
    [InlineData("--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nbroken")]
    [InlineData("not a multipart body at all")]
    [InlineData("--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n" + "\r\n1\r\n--XX--\r\n--XX")]
    public async Task DoseForm_MalformedMultipart_400MalformedFormOrAnswered(string body)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=XX");
        using var response = await site.Client.PostAsync(new Uri("/composition/clofarabine/dose", UriKind.Relative), content);

        Assert.True((int)response.StatusCode is 200 or 400, $"status {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            await AssertProblemAsync(response, HttpStatusCode.BadRequest, "malformed-form");
        }
    }

    [Theory]
    [InlineData("/api/dose", "application/json", "{\"drug\":")]
    [InlineData("/composition/clofarabine/dose", "application/x-www-form-urlencoded", "ageYears=1")]
    public async Task StalledBody_HalfSent_408RequestTimeoutNot500(string path, string contentType, string partial)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(site.BaseAddress.Host, site.BaseAddress.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: {contentType}\r\nContent-Length: 100\r\n\r\n{partial}"));

        // Kestrel's minimum body data rate has a 5 s grace period; the answer comes after it.
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var rest = await ReadToBodyAsync(reader);

        Assert.Equal("HTTP/1.1 408 Request Timeout", statusLine);
        Assert.Contains("/problems/request-timeout", rest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongMethod_OnPage_405WithItsType()
    {
        using var response = await site.Client.DeleteAsync(new Uri("/api/search?q=x", UriKind.Relative));

        await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed, "method-not-allowed");
    }

    [Fact]
    public async Task TextBody_ToJsonApi_415WithItsType()
    {
        using var content = new StringContent("{}", Encoding.UTF8, "text/plain");
        using var response = await site.Client.PostAsync(new Uri("/api/dose", UriKind.Relative), content);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Theory]
    [InlineData("/api/search?q=x&offset=99999999999999")]
    [InlineData("/api/search?q=x&limit=1e3")]
    [InlineData("/api/monographs/compositions/clofarabine/diff?from=abc&to=2")]
    [InlineData("/search?q=x&offset=-1e309")]
    public async Task NumberThatDoesNotBind_Query_400BadRequest(string path)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "bad-request");
    }

    [Theory]
    [InlineData("/api/search?q=x&limit=abc", "limit must be a whole number written with digits only (no grouping separators, no exponent); \"abc\" is not.")]
    [InlineData("/api/search?q=x&offset=1,000", "offset must be a whole number written with digits only (no grouping separators, no exponent); \"1,000\" is not.")]
    [InlineData("/api/search?q=x&correct=maybe", "correct must be true or false; \"maybe\" is not.")]
    public async Task ValueThatDoesNotBind_Query_400SayingWhatTheParameterTakesNotADotNetType(string path, string detail)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative));

        using var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "bad-request");
        Assert.Equal(detail, problem.RootElement.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/search?q=x&q=y", "\"q\" is given 2 times; give each parameter once.")]
    [InlineData("/api/search?q=x&limit=5&limit=50", "\"limit\" is given 2 times; give each parameter once.")]
    [InlineData("/api/search?q=x&limt=50", "Unknown query parameter \"limt\": this address takes collection, correct, limit, offset, q.")]
    [InlineData("/api/suggest?q=cl&q=ab", "\"q\" is given 2 times; give each parameter once.")]
    [InlineData("/api/monographs/compositions/clofarabine?slug=other", "Unknown query parameter \"slug\": this address takes none.")]
    [InlineData("/api/monographs/compositions/clofarabine/diff?from=1&to=2&to=3", "\"to\" is given 2 times; give each parameter once.")]
    [InlineData("/api/browse?letter=a", "Unknown query parameter \"letter\": this address takes none.")]
    public async Task UnknownOrRepeatedQueryParameter_Api_400NamingIt(string path, string detail)
    {
        // The API reads its query as strictly as its bodies: ?q=x&q=y used to search "x,y", ?limt=50 to answer 10 hits.
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative));

        using var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "bad-request");
        Assert.Equal(detail, problem.RootElement.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e29")]
    public async Task NumberBeyondDecimal_DoseApi_400SayingTheRange(string weight)
    {
        // A JSON number too large for a decimal is refused as malformed, and the detail says why (it used to say "not a string").
        using var response = await PostJsonAsync("/api/dose", "{" + Child.Replace("\"weightKg\":30", "\"weightKg\":" + weight, StringComparison.Ordinal) + "}");

        using var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "malformed-json");
        Assert.Contains("within ±7.9e28", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryParameter_DoseApi_400BecauseItTakesNone()
    {
        using var response = await PostJsonAsync("/api/dose?ageYears=99", "{" + Child + "}");

        using var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "bad-request");
        Assert.Equal("Unknown query parameter \"ageYears\": this address takes none.", problem.RootElement.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/search?q=clofarabine&limit=5&offset=0&collection=composition&correct=false")]
    [InlineData("/api/search?Q=clofarabine")]
    [InlineData("/search?q=clofarabine&utm_source=newsletter&q=again")]
    public async Task KnownParametersOnce_OrAPage_200(string path)
    {
        // Names bind case-insensitively, as ASP.NET binds them; pages stay lenient (links from elsewhere carry tracking parameters).
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        site.Client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    private Task<HttpResponseMessage> PostFormAsync(string form) =>
        site.Client.PostAsync(new Uri("/composition/clofarabine/dose", UriKind.Relative), new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));

    internal static async Task<JsonDocument> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        var problem = JsonDocument.Parse(body);
        Assert.Equal("/problems/" + code, problem.RootElement.GetProperty("type").GetString());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        return problem;
    }

    private static async Task<string> ReadToBodyAsync(StreamReader reader)
    {
        var text = new StringBuilder();
        var buffer = new char[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!text.ToString().Contains("}", StringComparison.Ordinal))
        {
            var read = await reader.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                break;
            }

            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }
}
