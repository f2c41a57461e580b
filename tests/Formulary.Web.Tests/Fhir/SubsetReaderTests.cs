using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Formulary.Web.Fhir;
using Formulary.Web.Fhir.Subset;
using Formulary.Web.Tests.CdsHooks;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.Fhir;

/// <summary>
/// The fast path in front of Firely (<see cref="SubsetReader"/>) may decline anything, but what it reads it must read
/// exactly as Firely does, and only what Firely accepts: checked on every resource of every conformance vector and
/// on hostile values put where the service reads.
/// </summary>
public sealed class SubsetReaderTests
{
    public static TheoryData<string> Vectors() => ConformanceVectorTests.Vectors();

    [Theory]
    [MemberData(nameof(Vectors))]
    public void EveryVectorResource_ReadBySubset_IsWhatFirelyReads(string name)
    {
        using var request = JsonDocument.Parse(File.ReadAllText(Path.Combine(ConformanceVectorTests.Folder, name + ".request.json")));
        foreach (var resource in Resources(request.RootElement))
        {
            AssertSameAsFirely(resource);
        }
    }

    [Fact]
    public void ChildVector_AllFiveResources_AreReadBySubset()
    {
        using var request = JsonDocument.Parse(File.ReadAllText(Path.Combine(ConformanceVectorTests.Folder, "01-child.request.json")));

        var read = Resources(request.RootElement).Select(SubsetReader.Read).ToList();

        Assert.Equal(5, read.Count);
        Assert.All(read, Assert.NotNull);
    }

    [Theory]
    [InlineData("dosis", "5")]
    [InlineData("_status", """{"extension":[{"url":"urn:x","valueString":"y"}]}""")]
    [InlineData("status", "null")]
    [InlineData("status", "\"bogus\"")]
    [InlineData("status", "\" final\"")]
    [InlineData("effectiveDateTime", "\"2026-11-29T10:00:00\"")]
    [InlineData("effectiveDateTime", "\"2026-11\"")]
    [InlineData("effectiveDateTime", "\"2026-02-30\"")]
    [InlineData("category", "[]")]
    [InlineData("id", "\"has space\"")]
    [InlineData("valueQuantity", """{"value":3e1,"unit":"kg","system":"http://unitsofmeasure.org","code":"kg"}""")]
    [InlineData("valueQuantity", """{"value":30,"unit":"kg","system":"http://unitsofmeasure.org","code":"kg","extension":[]}""")]
    [InlineData("valueQuantity", """{}""")]
    public void Observation_OutsideTheSubset_IsDeclined(string element, string json)
    {
        var observation = ChildWeight();
        observation[element] = JsonNode.Parse(json);
        using var document = JsonDocument.Parse(observation.ToJsonString());

        Assert.Null(SubsetReader.Read(document.RootElement));
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient"}""")]
    [InlineData("""{"resourceType":"Patient","id":"p1"}""")]
    [InlineData("""{"resourceType":"Patient","gender":"female"}""")]
    [InlineData("""{"resourceType":"Patient","birthDate":"2019-05-01"}""")]
    public void Patient_WithLittleOrNothing_IsReadOnlyAsFirelyReadsIt(string json)
    {
        using var document = JsonDocument.Parse(json);

        AssertSameAsFirely(document.RootElement);
    }

    [Fact]
    public void Patient_WithNothingButItsType_IsDeclined()
    {
        using var document = JsonDocument.Parse("""{"resourceType":"Patient"}""");

        Assert.Null(SubsetReader.Read(document.RootElement));
    }

    [Fact]
    public void Observation_WithARepeatedElement_IsDeclined()
    {
        var text = ChildWeight().ToJsonString().Replace("\"status\":\"final\"", "\"status\":\"final\",\"status\":\"final\"", StringComparison.Ordinal);
        using var document = JsonDocument.Parse(text);

        Assert.Null(SubsetReader.Read(document.RootElement));
    }

    [Fact]
    public void Observation_WithoutItsRequiredCode_IsDeclined()
    {
        var observation = ChildWeight();
        observation.Remove("code");
        using var document = JsonDocument.Parse(observation.ToJsonString());

        Assert.Null(SubsetReader.Read(document.RootElement));
    }

    [Property(MaxTest = 400, Arbitrary = [typeof(HostileInputPropertyTests.HostileValues)])]
    public bool AnyValueAnywhereRead_SubsetReadsOnlyWhatFirelyReadsTheSame(string value, NonNegativeInt at)
    {
        string[] paths =
        [
            "prefetch.weight.entry.0.resource.id", "prefetch.weight.entry.0.resource.status", "prefetch.weight.entry.0.resource.code.coding.0.system",
            "prefetch.weight.entry.0.resource.code.coding.0.code", "prefetch.weight.entry.0.resource.code.coding.0.display", "prefetch.weight.entry.0.resource.subject.reference",
            "prefetch.weight.entry.0.resource.effectiveDateTime", "prefetch.weight.entry.0.resource.valueQuantity.value", "prefetch.weight.entry.0.resource.valueQuantity.unit",
            "prefetch.weight.entry.0.resource.valueQuantity.system", "prefetch.weight.entry.0.resource.valueQuantity.code", "prefetch.weight.entry.0.resource.valueQuantity.comparator",
            "prefetch.patient.id", "prefetch.patient.gender", "prefetch.patient.birthDate",
            "context.draftOrders.entry.0.resource.status", "context.draftOrders.entry.0.resource.intent", "context.draftOrders.entry.0.resource.medicationCodeableConcept.text",
            "context.draftOrders.entry.0.resource.dosageInstruction.0.text", "context.draftOrders.entry.0.resource.dosageInstruction.0.timing.repeat.frequency",
            "context.draftOrders.entry.0.resource.dosageInstruction.0.timing.repeat.period", "context.draftOrders.entry.0.resource.dosageInstruction.0.timing.repeat.periodUnit",
            "context.draftOrders.entry.0.resource.dosageInstruction.0.doseAndRate.0.doseQuantity.value",
            "context.draftOrders.entry.0.resource.dosageInstruction.0.timing.repeat.count", "context.draftOrders.entry.0.resource.dosageInstruction.0.timing.repeat.countMax",
            "context.draftOrders.entry.0.resource.dosageInstruction.0.timing.repeat.boundsDuration", "context.draftOrders.entry.0.resource.dosageInstruction.0.timing.repeat.boundsDuration.value",
            "context.draftOrders.entry.0.resource.dosageInstruction.0.timing.repeat.boundsDuration.code", "context.draftOrders.entry.0.resource.dosageInstruction.0.timing.repeat.boundsDuration.system",
        ];
        var request = JsonNode.Parse(File.ReadAllText(Path.Combine(ConformanceVectorTests.Folder, "01-child.request.json")))!;
        var path = paths[at.Get % paths.Length].Split('.');
        JsonNode parent = request;
        foreach (var step in path[..^1])
        {
            parent = int.TryParse(step, out var index) ? parent[index]! : parent[step]!;
        }

        if (int.TryParse(path[^1], out var i))
        {
            parent[i] = JsonNode.Parse(value);
        }
        else
        {
            parent[path[^1]] = JsonNode.Parse(value);
        }

        using var document = JsonDocument.Parse(request.ToJsonString());
        foreach (var resource in Resources(document.RootElement))
        {
            AssertSameAsFirely(resource);
        }

        return true;
    }

    private static void AssertSameAsFirely(JsonElement resource)
    {
        if (SubsetReader.Read(resource) is not { } subset)
        {
            return;
        }

        var (firely, error) = FhirJson.ReadWithFirely<Hl7.Fhir.Model.Resource>(resource);
        Assert.True(firely is not null, $"the subset read what Firely refuses ({error}): {resource}");
        Assert.Equal(FhirJson.Write(firely), FhirJson.Write(subset));
    }

    private static JsonObject ChildWeight()
    {
        var request = JsonNode.Parse(File.ReadAllText(Path.Combine(ConformanceVectorTests.Folder, "01-child.request.json")))!;
        return request["prefetch"]!["weight"]!["entry"]![0]!["resource"]!.DeepClone().AsObject();
    }

    /// <summary>The MedicationRequests, Observations and Patients of a request: draft orders, older medications, prefetch (and its Bundles' entries).</summary>
    private static IEnumerable<JsonElement> Resources(JsonElement request)
    {
        var found = new List<JsonElement>();
        void Visit(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Visit(item);
                }
            }
            else if (element.ValueKind == JsonValueKind.Object)
            {
                if (element.TryGetProperty("resourceType", out var type) && type.GetString() is "MedicationRequest" or "Observation" or "Patient")
                {
                    found.Add(element);
                    return;
                }

                foreach (var property in element.EnumerateObject())
                {
                    Visit(property.Value);
                }
            }
        }

        Visit(request);
        return found;
    }
}
