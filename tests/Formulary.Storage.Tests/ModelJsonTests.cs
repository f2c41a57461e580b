using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Formulary.Monographs;
using Formulary.Monographs.Parsing;
using Formulary.Storage.Listing;
using Formulary.Storage.Search;

namespace Formulary.Storage.Tests;

/// <summary>
/// The store's JSON is written by generated code (<see cref="ModelJsonContext"/>) and was written by reflection before:
/// stored models, summaries, links and section offsets must read and write the same either way, or every store
/// written before would read differently.
/// </summary>
public sealed class ModelJsonTests
{
    private static readonly JsonSerializerOptions ReflectionOnly = new(ModelJson.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    public static TheoryData<string> BundledMonographs() =>
        [.. Enum.GetValues<Collection>()
            .Select(c => Path.Combine(RepoPaths.Content, c.FolderName()))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.GetFiles(folder, "*.md"))
            .Select(file => Path.GetRelativePath(RepoPaths.Content, file))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(BundledMonographs))]
    public void GeneratedCode_WritesAndReadsTheSameJsonAsReflection(string relativePath)
    {
        var collection = CollectionInfo.TryParse(Path.GetDirectoryName(relativePath)!, out var parsed) ? parsed : Collection.Composition;
        var monograph = MonographParser.Default.Parse(collection, relativePath, File.ReadAllBytes(Path.Combine(RepoPaths.Content, relativePath)));
        var summary = MonographSummary.From(monograph, 3, new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
        SearchSegment[] segments = [new("dosage", 10, 250), new(null, 0, 9)];

        AssertSame(monograph);
        AssertSame(summary);
        AssertSame(monograph.Links.ToList());
        AssertSame(segments);
    }

    private static void AssertSame<T>(T value)
    {
        var generated = JsonSerializer.Serialize(value, ModelJson.Options);
        var reflected = JsonSerializer.Serialize(value, ReflectionOnly);
        Assert.Equal(reflected, generated);
        Assert.Equal(reflected, JsonSerializer.Serialize(JsonSerializer.Deserialize<T>(reflected, ModelJson.Options), ReflectionOnly));
    }
}
