using System.Text.Json;
using System.Text.Json.Nodes;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.CdsHooks;

/// <summary>
/// Observations the service must not turn into a number, over real HTTP: a unit text naming another unit than the UCUM
/// code, a date alone beside a date-time of the same day, a time after now. The base is vector 01-child (a 10-year-old
/// girl, 30 kg, 135 cm: 55.1 mg/day); the server's clock says 2026-03-02T09:00Z.
/// </summary>
public sealed class ObservationReadingTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string ChildDose = "Clofarabine: 55.1 mg/day IV for 5 days (52 mg/m² × 1.06 m²)";

    private static JsonObject Child() => CdsCall.Vector("01-child");

    private static JsonNode First(JsonObject request, string key) => request["prefetch"]![key]!["entry"]![0]!["resource"]!;

    private static JsonNode AddWeight(JsonObject request, string id, string date, decimal kg)
    {
        var copy = First(request, "weight").DeepClone();
        copy["id"] = id;
        copy["effectiveDateTime"] = date;
        copy["valueQuantity"]!["value"] = kg;
        request["prefetch"]!["weight"]!["entry"]!.AsArray().Add(new JsonObject { ["resource"] = copy });
        return copy;
    }

    private Task<JsonElement> CardAsync(JsonObject request) => CdsCall.CardAsync(site.Client, request);

    private static bool HasSuggestions(JsonElement card) =>
        card.TryGetProperty("suggestions", out var suggestions) && suggestions.ValueKind == JsonValueKind.Array && suggestions.GetArrayLength() > 0;

    [Theory]
    [InlineData("weight", "lb", "kg", 66)]
    [InlineData("weight", "pounds", "kg", 66)]
    [InlineData("weight", "g", "kg", 30)]
    [InlineData("height", "in", "cm", 135)]
    [InlineData("creatinine", "umol/L", "mg/dL", 0.5)]
    public async Task UnitTextNamingAnotherUnitThanTheCode_IsNotUsed_AndTheCardSaysSo(string key, string unit, string code, decimal value)
    {
        var request = Child();
        var quantity = First(request, key)["valueQuantity"]!;
        (quantity["value"], quantity["unit"], quantity["code"]) = (value, unit, code);

        var card = await CardAsync(request);

        Assert.Equal("warning", card.GetProperty("indicator").GetString());
        Assert.StartsWith("Clofarabine: no dose computed", card.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains($"gives its unit as '{unit}' in text but '{code}' in its UCUM code; which was meant cannot be told, so the value is not used", card.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(HasSuggestions(card));
    }

    [Theory]
    [InlineData("Kg")]
    [InlineData("kgs")]
    [InlineData("kilograms")]
    [InlineData("Body weight")]
    public async Task UnitTextAgreeingWithTheCode_OrNotUnderstood_IsReadByTheCode(string unit)
    {
        var request = Child();
        First(request, "weight")["valueQuantity"]!["unit"] = unit;

        var card = await CardAsync(request);

        Assert.Equal(ChildDose, card.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task OrderedDoseWhoseUnitTextNamesAnotherUnit_IsNotCompared_AndIsAWarning()
    {
        var request = Child();
        request["context"]!["draftOrders"]!["entry"]![0]!["resource"]!["dosageInstruction"]![0]!["doseAndRate"]![0]!["doseQuantity"]!["unit"] = "g";

        var card = await CardAsync(request);

        Assert.Equal("warning", card.GetProperty("indicator").GetString());
        Assert.Contains("The ordered dose gives its unit as 'g' in text but 'mg' in its UCUM code; which was meant cannot be told, so it is not compared", card.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(HasSuggestions(card));
    }

    /// <summary>66 kg at 10 is above the 97th percentile and WEIGHT_PERCENTILE asks whether it was pounds: the dose is shown, no change offered.</summary>
    [Fact]
    public async Task DoseThatDiffers_WhileTheWeightMayBeInAnotherUnit_OffersNoDoseChange()
    {
        var request = Child();
        First(request, "weight")["valueQuantity"]!["value"] = 66;

        var card = await CardAsync(request);

        var detail = card.GetProperty("detail").GetString()!;
        Assert.Equal("warning", card.GetProperty("indicator").GetString());
        Assert.Contains("`WEIGHT_PERCENTILE`", detail, StringComparison.Ordinal);
        Assert.Contains("No dose change is offered: `WEIGHT_PERCENTILE` (below) says the weight or height may be in another unit than recorded", detail, StringComparison.Ordinal);
        Assert.False(HasSuggestions(card));
    }

    [Theory]
    [InlineData("2026-03-01T23:00:00Z")]
    [InlineData("2026-03-01T00:30:00+01:00")]
    public async Task DateAloneAndDateTimeOfTheSameDay_ThatDisagree_AreAConflictNotTheTimedOne(string timed)
    {
        var request = Child();
        AddWeight(request, "weight-timed", timed, 60);

        var card = await CardAsync(request);

        Assert.StartsWith("Clofarabine: no dose computed", card.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains($"and Observation 'weight-timed' (60 kg) cannot be ordered (2026-03-01 and {timed}: a date without a time may be any hour of that day) and disagree", card.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DateAloneAndDateTimeOfTheSameDay_ThatAgree_AreUsed()
    {
        var request = Child();
        AddWeight(request, "weight-timed", "2026-03-01T23:00:00Z", 30);

        Assert.Equal(ChildDose, (await CardAsync(request)).GetProperty("summary").GetString());
    }

    [Fact]
    public async Task WeightTimedHoursAfterNow_IsRefused_NotTakenAsTheLatest()
    {
        var request = Child();
        AddWeight(request, "weight-future", "2026-03-02T17:30:00Z", 60);

        var card = await CardAsync(request);

        Assert.StartsWith("Clofarabine: no dose computed", card.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains("The body weight Observation 'weight-future' is dated 2026-03-02T17:30:00Z, after now (2026-03-02T09:00:00Z).", card.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WeightTimedWithinTheClockSkew_IsUsed()
    {
        var request = Child();
        First(request, "weight")["effectiveDateTime"] = "2026-03-02T09:04:00Z";

        Assert.Equal(ChildDose, (await CardAsync(request)).GetProperty("summary").GetString());
    }
}
