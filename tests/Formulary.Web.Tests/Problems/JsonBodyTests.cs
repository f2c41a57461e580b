using System.Text;
using System.Text.Json;
using Formulary.Web.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Formulary.Web.Tests.Problems;

public sealed class JsonBodyTests
{
    [Theory]
    [InlineData("""{"a":1,"b":{"a":2},"c":[{"a":1,"b":2},{"a":1,"b":2}]}""")]
    [InlineData("""{"a":1,"A":2}""")]
    [InlineData("""[{"x":1},{"x":2}]""")]
    public async Task ReadAsync_NoNameRepeatedInAnObject_RulesRepeatsOut(string json)
    {
        var (document, problem) = await JsonBody.ReadAsync(Request(json));

        using (document)
        {
            Assert.Null(problem);
            Assert.NotNull(document);
            Assert.Equal(json, document.RootElement.GetRawText());
        }
    }

    [Theory]
    [InlineData("""{"a":1,"b":{"c":1,"d":{"e":1},"c":2}}""", "b.c")]
    [InlineData("""{"a":1,"\u0061":2}""", "a")]
    [InlineData("""{"c":[{"a":1},{"a":1,"b":2,"b":3}]}""", "c[1].b")]
    public async Task ReadAsync_ANameRepeated_Is400NamingItsPath(string json, string path)
    {
        var (document, problem) = await JsonBody.ReadAsync(Request(json));

        Assert.Null(document);
        AssertRepeated(problem, path);
    }

    [Fact]
    public async Task ReadAsync_ABodyOfManyNamesAndSegments_RepeatedOrNot_IsToldApart()
    {
        var names = Enumerable.Range(0, 20_000).Select(i => $"\"n{i}\":{i}").ToList();
        var distinct = "{" + string.Join(',', names) + "}";

        var (plain, none) = await JsonBody.ReadAsync(Request(distinct, chunk: 4096));
        var (repeated, problem) = await JsonBody.ReadAsync(Request(distinct[..^1] + ",\"n15000\":0}", chunk: 4096));

        using (plain)
        {
            Assert.Null(none);
            Assert.Equal(20_000, plain!.RootElement.EnumerateObject().Count());
        }

        Assert.Null(repeated);
        AssertRepeated(problem, "n15000");
    }

    // Positions as the reader gave them before the body was read from the pipe (JsonDocument.ParseAsync over the
    // stream): the 2 that ends without a delimiter; the literal "tru" that is not true.
    [Theory]
    [InlineData("""{"a":1,"a":2""", 1, 13)]
    [InlineData("{\n  \"a\": tru\n}", 2, 11)]
    [InlineData("", 1, 1)]
    public async Task ReadAsync_MalformedJson_Is400NamingLineAndPosition(string json, int line, int position)
    {
        var (document, problem) = await JsonBody.ReadAsync(Request(json));

        Assert.Null(document);
        Assert.NotNull(problem);
        Assert.Equal(StatusCodes.Status400BadRequest, problem.StatusCode);
        Assert.EndsWith("/malformed-json", problem.ProblemDetails.Type, StringComparison.Ordinal);
        Assert.Equal($"Invalid JSON at line {line}, position {position}.", problem.ProblemDetails.Detail);
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(1)]
    public async Task ReadAsync_UtfByteOrderMarkFirst_IsPassedOver(int chunk)
    {
        var (document, problem) = await JsonBody.ReadAsync(Request("\uFEFF{\"a\":1}", chunk));

        using (document)
        {
            Assert.Null(problem);
            Assert.Equal(1, document!.RootElement.GetProperty("a").GetInt32());
        }
    }

    [Fact]
    public async Task ReadAsync_ByteOrderMarkAfterTheStart_IsMalformed()
    {
        var (document, problem) = await JsonBody.ReadAsync(Request(" \uFEFF{\"a\":1}"));

        Assert.Null(document);
        Assert.EndsWith("/malformed-json", problem!.ProblemDetails.Type, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NotJson_Is415()
    {
        var request = Request("{}");
        request.ContentType = "text/plain";

        var (document, problem) = await JsonBody.ReadAsync(request);

        Assert.Null(document);
        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, problem?.StatusCode);
    }

    [Fact]
    public async Task Dispose_ThenReadingAnElement_Throws()
    {
        var (document, _) = await JsonBody.ReadAsync(Request("""{"a":1}"""));
        var root = document!.RootElement;

        document.Dispose();
        document.Dispose();

        Assert.Throws<ObjectDisposedException>(() => root.GetProperty("a"));
    }

    private static void AssertRepeated(ProblemHttpResult? problem, string path)
    {
        Assert.NotNull(problem);
        Assert.Equal(StatusCodes.Status400BadRequest, problem.StatusCode);
        Assert.EndsWith("/duplicate-property", problem.ProblemDetails.Type, StringComparison.Ordinal);
        Assert.Equal(path, problem.ProblemDetails.Extensions["property"]);
        Assert.Equal($"'{path}' is given more than once; give each property once (which value was meant cannot be told).", problem.ProblemDetails.Detail);
    }

    private static HttpRequest Request(string json, int chunk = int.MaxValue)
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/json";
        context.Request.Body = new ChunkedStream(Encoding.UTF8.GetBytes(json), chunk);
        return context.Request;
    }

    /// <summary>A body that arrives in pieces of at most <c>chunk</c> bytes, as a network read gives them.</summary>
    private sealed class ChunkedStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, chunk), cancellationToken);
    }
}
