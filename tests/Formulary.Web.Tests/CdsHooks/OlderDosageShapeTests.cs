using System.Text.Json;
using Formulary.Web.CdsHooks;

namespace Formulary.Web.Tests.CdsHooks;

/// <summary>The STU3 dosage shape moved into R4's doseAndRate: every element kept, unchanged; R4 left alone.</summary>
public sealed class OlderDosageShapeTests
{
    [Fact]
    public void DoseAndRateDirectlyUnderDosage_MovedIntoOneEntryUnchanged()
    {
        using var stu3 = JsonDocument.Parse("""
            {"resourceType":"MedicationRequest","dosageInstruction":[{"text":"t","doseQuantity":{"value":5,"unit":"mg"},"rateQuantity":{"value":2,"unit":"mL/h"}}]}
            """);

        var (json, note) = OlderDosageShape.ToR4(stu3.RootElement)!.Value;

        using var r4 = JsonDocument.Parse(json);
        var dosage = r4.RootElement.GetProperty("dosageInstruction")[0];
        Assert.False(dosage.TryGetProperty("doseQuantity", out _));
        var entry = Assert.Single(dosage.GetProperty("doseAndRate").EnumerateArray().ToList());
        Assert.Equal("""{"value":5,"unit":"mg"}""", entry.GetProperty("doseQuantity").GetRawText());
        Assert.Equal("""{"value":2,"unit":"mL/h"}""", entry.GetProperty("rateQuantity").GetRawText());
        Assert.Equal("t", dosage.GetProperty("text").GetString());
        Assert.Contains("dosageInstruction[0].doseQuantity, rateQuantity read as dosageInstruction[0].doseAndRate[0]", note, StringComparison.Ordinal);
    }

    [Fact]
    public void DoseAndRateAsOneObject_ReadAsAListOfOne()
    {
        using var shape = JsonDocument.Parse("""
            {"resourceType":"MedicationRequest","dosageInstruction":[{"doseAndRate":{"doseQuantity":{"value":5,"unit":"mg"}}}]}
            """);

        var (json, note) = OlderDosageShape.ToR4(shape.RootElement)!.Value;

        using var r4 = JsonDocument.Parse(json);
        var list = r4.RootElement.GetProperty("dosageInstruction")[0].GetProperty("doseAndRate");
        Assert.Equal(JsonValueKind.Array, list.ValueKind);
        Assert.Equal(5, Assert.Single(list.EnumerateArray().ToList()).GetProperty("doseQuantity").GetProperty("value").GetInt32());
        Assert.Contains("was one object, read as a list of one", note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"resourceType":"MedicationRequest","dosageInstruction":[{"doseAndRate":[{"doseQuantity":{"value":5,"unit":"mg"}}]}]}""")]
    [InlineData("""{"resourceType":"MedicationRequest"}""")]
    [InlineData("""{"resourceType":"MedicationRequest","dosageInstruction":[{"text":"as needed"}]}""")]
    public void AlreadyR4OrNoDose_NothingToRead(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Null(OlderDosageShape.ToR4(document.RootElement));
    }
}
