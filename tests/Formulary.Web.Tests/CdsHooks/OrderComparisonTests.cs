using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.CdsHooks;

/// <summary>
/// The ordered dose compared with what is computed, over real HTTP: the schema-2 regimens (per dose, per day, interval,
/// maxima, course; a suggestion only for one unambiguous dose) and every order that cannot be compared, which is a warning
/// saying "not compared". Patients are the vectors': 01-child (10 years, 30 kg, 135 cm; clofarabine 55.1 mg/day for 5 days)
/// and 02-adult (30.14 years, male, 70 kg, 175 cm, creatinine 0.9 mg/dL). Every expected number is worked in the test.
/// </summary>
public sealed class OrderComparisonTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string Ucum = "\"system\":\"http://unitsofmeasure.org\"";

    /// <summary>The request of vector <paramref name="vector"/> ordering <paramref name="drug"/> with the dosage instructions <paramref name="dosages"/> (JSON).</summary>
    private static JsonObject Ordering(string vector, string drug, string dosages)
    {
        var request = JsonNode.Parse(File.ReadAllText(Path.Combine(ConformanceVectorTests.Folder, vector + ".request.json")))!.AsObject();
        var order = request["context"]!["draftOrders"]!["entry"]![0]!["resource"]!;
        order["medicationCodeableConcept"] = new JsonObject { ["text"] = drug };
        order["dosageInstruction"] = JsonNode.Parse(dosages);
        return request;
    }

    /// <summary>A list of one dosage: <paramref name="mg"/> mg with the <c>timing</c> <paramref name="timing"/> (none when null) and <paramref name="extra"/> elements.</summary>
    /// <summary>One dosage of <paramref name="mg"/> in <paramref name="unit"/> (its text and its UCUM code alike).</summary>
    private static string Dosage(string mg, string? timing, string extra = "", string unit = "mg") =>
        "[{" + (timing is null ? string.Empty : $"\"timing\":{timing},")
        + $"\"doseAndRate\":[{{\"doseQuantity\":{{\"value\":{mg},\"unit\":\"{unit}\",{Ucum},\"code\":\"{unit}\"}}}}]{extra}}}]";

    private static string Daily(int times) => $$$"""{"repeat":{"frequency":{{{times}}},"period":1,"periodUnit":"d"}}""";

    /// <summary>A clofarabine course as the monograph gives it (5 days), so that a test of another part is not also a course that states no end.</summary>
    private const string FiveDays = $$$""","boundsDuration":{"value":5,"unit":"d",{{{Ucum}}},"code":"d"}""";

    private static string Daily(int times, string course) => Daily(times).Replace("}}", course + "}}", StringComparison.Ordinal);

    private async Task<JsonElement> CardAsync(JsonObject request)
    {
        using var content = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await site.Client.PostAsync(new Uri("/cds-services/formulary-dose-check", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return Assert.Single(body.GetProperty("cards").EnumerateArray().ToList());
    }

    private static string Text(JsonElement card, string name) => card.GetProperty(name).GetString()!;

    private static JsonElement SuggestedDosage(JsonElement card) =>
        Assert.Single(card.GetProperty("suggestions").EnumerateArray().ToList()).GetProperty("actions")[0].GetProperty("resource").GetProperty("dosageInstruction")[0];

    [Fact]
    public async Task Paracetamol_ChildOrderedTenTimesTheDoseSixTimesADay_WarnsWhatDiffers_NoUpdate()
    {
        var card = await CardAsync(Ordering("01-child", "Paracetamol", Dosage("4500", Daily(6))));

        // 'children': 15 mg/kg × 30 kg = 450 mg per dose; at most 1 g per dose; per day the lower of 75 mg/kg × 30 kg = 2250 mg
        // and 4 g. The order: 4500 mg × 6 = 27000 mg per day, every 4 h (within 4-6 h). (4500 − 450) / 450 = +900.0%.
        Assert.Equal("warning", Text(card, "indicator"));
        Assert.StartsWith("Paracetamol: ordered 4500 mg 6 times a day (27000 mg per day) differs from 'children': per dose, per day", Text(card, "summary"), StringComparison.Ordinal);
        var detail = Text(card, "detail");
        Assert.Contains("Per dose: the order gives 4500 mg, 'children' 450 mg (+900.0%).", detail, StringComparison.Ordinal);
        Assert.Contains("Per day: the order gives 27000 mg, 'children' 1800–2250 mg.", detail, StringComparison.Ordinal);
        Assert.Contains("the most 'children' allows is 1000 mg per dose", detail, StringComparison.Ordinal);
        Assert.Contains("the most 'children' allows for this patient is 2250 mg per day", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Interval:", detail, StringComparison.Ordinal);
        // 450 mg six times a day is 2700 mg, above 2250: no one dose at the order's interval agrees.
        Assert.Contains("No corrected order is offered", detail, StringComparison.Ordinal);
        Assert.False(card.TryGetProperty("suggestions", out _));
    }

    [Fact]
    public async Task Ondansetron_24MgOnceADay_DiffersInDoseDayIntervalAndMaximum_SuggestsEightMgEveryTwelveHours()
    {
        var card = await CardAsync(Ordering("02-adult-dose-differs", "Ondansetron", Dosage("24", Daily(1))));

        // 'adults': 8 mg per dose, twice a day every 12 h = 16 mg per day, at most 16 mg per day. 24 mg once a day:
        // per dose +200.0%, per day (24 − 16) / 16 = +50.0%, every 24 h, above 16 mg per day.
        Assert.Equal("warning", Text(card, "indicator"));
        Assert.Equal("Ondansetron: ordered 24 mg differs from 'adults': per dose, per day, interval, above the maximum per day", Text(card, "summary"));
        Assert.Contains("Per day: the order gives 24 mg, 'adults' 16 mg (+50.0%).", Text(card, "detail"), StringComparison.Ordinal);
        Assert.Contains("Interval: the order gives a dose every 24 hours, 'adults' every 12 hours.", Text(card, "detail"), StringComparison.Ordinal);
        var dosage = SuggestedDosage(card);
        Assert.Equal(8m, dosage.GetProperty("doseAndRate")[0].GetProperty("doseQuantity").GetProperty("value").GetDecimal());
        var repeat = dosage.GetProperty("timing").GetProperty("repeat");
        Assert.Equal((1, 12m, "h"), (repeat.GetProperty("frequency").GetInt32(), repeat.GetProperty("period").GetDecimal(), repeat.GetProperty("periodUnit").GetString()));
    }

    [Fact]
    public async Task Gentamicin_TenTimesTheDose_SuggestsTheComputedDoseKeepingTheSchedule()
    {
        var card = await CardAsync(Ordering("02-adult-dose-differs", "Gentamicin", Dosage("3500", Daily(1))));

        // 5 mg/kg × 70 kg = 350 mg once daily (CrCl (140 − 30.14) × 70 / (72 × 0.9) = 118.7 mL/min: no renal band).
        Assert.Equal("Gentamicin: ordered 3500 mg differs from 'adults, once daily': per dose, per day", Text(card, "summary"));
        Assert.Contains("Per dose: the order gives 3500 mg, 'adults, once daily' 350 mg (+900.0%).", Text(card, "detail"), StringComparison.Ordinal);
        var dosage = SuggestedDosage(card);
        Assert.Equal(350m, dosage.GetProperty("doseAndRate")[0].GetProperty("doseQuantity").GetProperty("value").GetDecimal());
        Assert.Equal(1m, dosage.GetProperty("timing").GetProperty("repeat").GetProperty("period").GetDecimal());
    }

    [Fact]
    public async Task Gentamicin_RenalBandExtendsTheInterval_AnOrderEvery24Hours_SuggestsEvery36Hours()
    {
        var request = Ordering("02-adult-dose-differs", "Gentamicin", Dosage("350", """{"repeat":{"frequency":1,"period":24,"periodUnit":"h"}}"""));
        request["prefetch"]!["creatinine"]!["entry"]![0]!["resource"]!["valueQuantity"]!["value"] = 1.9m;

        var card = await CardAsync(request);

        // CrCl = (140 − 30.14) × 70 / (72 × 1.9) = 7690.2 / 136.8 = 56.2 mL/min: band 40-60, give every 36 hours; 350 mg per dose.
        Assert.Equal(("warning", "Gentamicin: ordered 350 mg differs from 'adults, once daily': interval"), (Text(card, "indicator"), Text(card, "summary")));
        Assert.Contains("Interval: the order gives a dose every 24 hours, 'adults, once daily' every 36 hours.", Text(card, "detail"), StringComparison.Ordinal);
        var dosage = SuggestedDosage(card);
        var repeat = dosage.GetProperty("timing").GetProperty("repeat");
        Assert.Equal((350m, 36m, "h"), (dosage.GetProperty("doseAndRate")[0].GetProperty("doseQuantity").GetProperty("value").GetDecimal(), repeat.GetProperty("period").GetDecimal(), repeat.GetProperty("periodUnit").GetString()));
    }

    [Fact]
    public async Task Ampicillin_ChildAboveARange_WarnsWithoutAnUpdate_ARangeHasNoSingleCorrection()
    {
        var card = await CardAsync(Ordering("01-child", "Ampicillin", Dosage("3000", Daily(4))));

        // 'children from 1 month': 100-200 mg/kg/day × 30 kg = 3000-6000 mg per day, in 4 doses = 750-1500 mg per dose.
        // The order: 3000 mg × 4 = 12000 mg per day.
        Assert.Equal("Ampicillin: ordered 3000 mg 4 times a day (12000 mg per day) differs from 'children from 1 month': per dose, per day", Text(card, "summary"));
        Assert.Contains("Per dose: the order gives 3000 mg, 'children from 1 month' 750–1500 mg.", Text(card, "detail"), StringComparison.Ordinal);
        Assert.Contains("Per day: the order gives 12000 mg, 'children from 1 month' 3000–6000 mg.", Text(card, "detail"), StringComparison.Ordinal);
        Assert.Contains("No corrected order is offered: 'children from 1 month' gives a range", Text(card, "detail"), StringComparison.Ordinal);
        Assert.False(card.TryGetProperty("suggestions", out _));
    }

    [Fact]
    public async Task Ondansetron_EightMgTwiceADay_AgreesAndSaysWithWhichRegimen()
    {
        var card = await CardAsync(Ordering("02-adult-dose-differs", "Ondansetron", Dosage("8", Daily(2))));

        Assert.Equal(("info", "Ondansetron: ordered 8 mg 2 times a day (16 mg per day) agrees with 'adults'"), (Text(card, "indicator"), Text(card, "summary")));
        Assert.False(card.TryGetProperty("suggestions", out _));
    }

    [Theory]
    [InlineData("""{"repeat":{"count":1}}""", "info", "agrees")]
    [InlineData("""{"repeat":{"frequency":1,"period":1,"periodUnit":"d"}}""", "warning", "differs from 'adults, target AUC 5': course")]
    public async Task Carboplatin_OneDayRegimen_ASingleDoseAgrees_ADailyOrderWithNoEndDiffers(string timing, string indicator, string expected)
    {
        // Calvert: GFR = CrCl 118.7 mL/min (as above), dose = 5 × (118.7 + 25) = 718.5 mg, on 1 day.
        var card = await CardAsync(Ordering("02-adult-dose-differs", "Carboplatin", Dosage("718.5", timing)));

        Assert.Equal(indicator, Text(card, "indicator"));
        Assert.Contains(expected, Text(card, "summary"), StringComparison.Ordinal);
        Assert.False(card.TryGetProperty("suggestions", out _));
    }

    public static TheoryData<string, string> NotComparable() => new()
    {
        { Dosage("55.1", Daily(1), unit: "mL"), "unit 'mL'" },
        { Dosage("55.1", Daily(1), unit: "%"), "unit '%'" },
        { Dosage("52", Daily(1), unit: "mg/kg"), "dose per kg" },
        { Dosage("55.1", null), "no timing" },
        { Dosage("110.2", """{"code":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation","code":"BID"}]}}"""), "timing by code only" },
        { Dosage("55.1", """{"repeat":{"frequency":1,"frequencyMax":3,"period":1,"periodUnit":"d"}}"""), "frequency range" },
        { Dosage("55.1", """{"repeat":{"frequency":1,"period":1,"periodUnit":"mo"}}"""), "period unit" },
        { Dosage("55.1", """{"repeat":{"frequency":1,"period":1,"periodUnit":"wk"COURSE}}""".Replace("COURSE", FiveDays, StringComparison.Ordinal)), "less often than daily" },
        { Dosage("110.2", """{"repeat":{"frequency":1,"period":2,"periodUnit":"d"COURSE}}""".Replace("COURSE", FiveDays, StringComparison.Ordinal)), "less often than daily" },
        { Dosage("55.1", """{"repeat":{"frequency":1,"period":1,"periodUnit":"d","when":["MORN","EVE"]}}"""), "times of day" },
        { Dosage("55.1", Daily(1, FiveDays), ""","asNeededBoolean":true"""), "as needed" },
        { Dosage("55.1", Daily(1, FiveDays), $$$""","maxDosePerPeriod":{"numerator":{"value":500,"unit":"mg",{{{Ucum}}},"code":"mg"},"denominator":{"value":1,"unit":"d",{{{Ucum}}},"code":"d"}}"""), "the order's own maximum" },
        { "[" + Dosage("55.1", Daily(1))[1..^1] + "," + Dosage("500", Daily(1))[1..^1] + "]", "several dosage instructions" },
        { Dosage("55.1", Daily(1)).Replace("}}]", $$$"""}},{"doseQuantity":{"value":500,"unit":"mg",{{{Ucum}}},"code":"mg"}}]""", StringComparison.Ordinal), "several doses" },
    };

    [Theory]
    [MemberData(nameof(NotComparable))]
    public async Task Clofarabine_OrderThatCannotBeCompared_IsAWarningSayingNotComparedAndWhat(string dosages, string what)
    {
        var card = await CardAsync(Ordering("01-child", "Clofarabine", dosages));

        Assert.Equal("warning", Text(card, "indicator"));
        Assert.StartsWith($"Clofarabine: ordered dose not compared ({what}); computed 55.1 mg/day", Text(card, "summary"), StringComparison.Ordinal);
        Assert.False(card.TryGetProperty("suggestions", out _));
    }

    [Fact]
    public async Task Clofarabine_DoseInPercent_IsNotCalledADosePerKilogram()
    {
        var card = await CardAsync(Ordering("01-child", "Clofarabine", Dosage("55.1", Daily(1), unit: "%")));

        Assert.DoesNotContain("per kg", Text(card, "detail"), StringComparison.Ordinal);
        Assert.Contains("The ordered dose is in '%', not a UCUM mass unit or mass per m², so it is not compared.", Text(card, "detail"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(""","boundsDuration":{"value":14,"unit":"d","system":"http://unitsofmeasure.org","code":"d"}""", "Course: the order gives for 14 d (14 days), the computed dose 5 days.")]
    [InlineData(""","count":10""", "Course: the order gives 10 doses (10 days), the computed dose 5 days.")]
    [InlineData("", "Course: the order gives 55.1 mg once a day and states no end (no timing.repeat.boundsDuration or count), the computed dose is given on 5 days.")]
    public async Task Clofarabine_CourseLongerThanTheFiveDays_Differs(string course, string expected)
    {
        var card = await CardAsync(Ordering("01-child", "Clofarabine", Dosage("55.1", """{"repeat":{"frequency":1,"period":1,"periodUnit":"d"COURSE}}""".Replace("COURSE", course, StringComparison.Ordinal))));

        Assert.Equal("warning", Text(card, "indicator"));
        Assert.Contains(expected, Text(card, "detail"), StringComparison.Ordinal);
        Assert.Contains("No corrected order is offered: the course differs", Text(card, "detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clofarabine_FiveDosesOnceADay_IsTheCourseOfTheMonograph_Agrees()
    {
        var card = await CardAsync(Ordering("01-child", "Clofarabine", Dosage("55.1", """{"repeat":{"frequency":1,"period":1,"periodUnit":"d","count":5}}""")));

        Assert.Equal(("info", "Clofarabine: 55.1 mg/day IV for 5 days (52 mg/m² × 1.06 m²)"), (Text(card, "indicator"), Text(card, "summary")));
    }

    [Fact]
    public async Task Clofarabine_RangeThatContainsTheDoseButAllowsTenTimesIt_Differs_SuggestsTheDose()
    {
        var card = await CardAsync(Ordering("01-child", "Clofarabine", "[{\"timing\":" + Daily(1, FiveDays) + $$$"""
            ,"doseAndRate":[{"doseRange":{"low":{"value":50,"unit":"mg",{{{Ucum}}},"code":"mg"},"high":{"value":500,"unit":"mg",{{{Ucum}}},"code":"mg"}
            """ + "}}]}]"));

        Assert.Equal(("warning", "Clofarabine: ordered 50–500 mg, computed 55.1 mg/day (52 mg/m² × 1.06 m²)"), (Text(card, "indicator"), Text(card, "summary")));
        Assert.Equal(55.1m, SuggestedDosage(card).GetProperty("doseAndRate")[0].GetProperty("doseQuantity").GetProperty("value").GetDecimal());
    }
}
