using System.Text.Json;
using Formulary.Web.Problems;

namespace Formulary.Web.Tests.Problems;

public sealed class JsonDuplicatesTests
{
    [Theory]
    [InlineData("""{"a":1,"b":{"a":2},"c":[{"a":1,"b":2},{"a":1,"b":2}]}""")]
    [InlineData("""{"ab":1,"a":2,"b":3,"ba":4}""")]
    [InlineData("""[{"x":1},{"x":2}]""")]
    [InlineData("""{"a":{"b":{"c":{"d":1}},"c":1},"b":1}""")]
    public void Find_NoRepeatInAnyObject_ReturnsNull(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Null(JsonDuplicates.Find(document.RootElement));
    }

    [Theory]
    [InlineData("""{"a":1,"a":2}""", "a")]
    [InlineData("""{"a":1,"b":{"c":1,"d":{"e":1},"c":2}}""", "b.c")]
    [InlineData("""{"c":[{"a":1},{"a":1,"b":2,"b":3}]}""", "c[1].b")]
    [InlineData("""{"a":1,"\u0061":2}""", "a")]
    [InlineData("""{"x":{"y":1},"z":{"q":[1,{"k":1,"k":1}]}}""", "z.q[1].k")]
    public void Find_ARepeat_NamesItsPath(string json, string path)
    {
        using var document = JsonDocument.Parse(json);

        var problem = JsonDuplicates.Find(document.RootElement);

        Assert.NotNull(problem);
        Assert.Equal(RequestProblemKind.DuplicateProperty, problem.Kind);
        Assert.Equal(path, problem.Property);
    }

    [Fact]
    public void Find_AnObjectOfManyNames_RepeatedOrNot_IsToldApart()
    {
        var names = Enumerable.Range(0, 200).Select(i => $"\"n{i}\":{i}").ToList();
        using var distinct = JsonDocument.Parse("{" + string.Join(',', names) + "}");
        using var repeated = JsonDocument.Parse("{" + string.Join(',', names) + ",\"n150\":0}");

        Assert.Null(JsonDuplicates.Find(distinct.RootElement));
        Assert.Equal("n150", JsonDuplicates.Find(repeated.RootElement)?.Property);
    }
}
