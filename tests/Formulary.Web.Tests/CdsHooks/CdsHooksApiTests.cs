using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.CdsHooks;

/// <summary>
/// The CDS Hooks endpoints over real HTTP: discovery as a wire contract, what a request may and may not carry,
/// the fhirServer fetch against a FHIR fake on loopback, and data the service must not use silently. The base
/// request is the conformance vector 01-child (a 10-year-old girl, 30 kg, 135 cm: 55.1 mg/day, worked there).
/// </summary>
public sealed class CdsHooksApiTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string Sign = "/cds-services/formulary-dose-check";

    private static string GoldenPath => Path.Combine(RepositoryPaths.Root, "tests", "Formulary.Web.Tests", "Golden", "cds-services.json");

    private static JsonObject Child() => Vector("01-child");

    /// <summary>The request of conformance vector <paramref name="name"/>.</summary>
    private static JsonObject Vector(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(ConformanceVectorTests.Folder, name + ".request.json")))!.AsObject();

    private async Task<(HttpStatusCode Status, JsonElement Body, string? MediaType)> PostAsync(string json, string path = Sign, string mediaType = "application/json")
    {
        using var content = new StringContent(json, Encoding.UTF8, mediaType);
        using var response = await site.Client.PostAsync(new Uri(path, UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A copy of the request's first body weight Observation added as another entry, with its own id; returns the copy's resource.</summary>
    private static JsonNode AddWeight(JsonObject request, string id)
    {
        var entries = request["prefetch"]!["weight"]!["entry"]!.AsArray();
        var copy = entries[0]!.DeepClone();
        copy["resource"]!["id"] = id;
        entries.Add(copy);
        return copy["resource"]!;
    }

    private static JsonElement OnlyCard(JsonElement body) => Assert.Single(body.GetProperty("cards").EnumerateArray().ToList());

    /// <summary>The 01-child request with its order's first dosage given <paramref name="doseAndRate"/> (JSON) instead.</summary>
    private static JsonObject ChildOrdering(string doseAndRate)
    {
        var request = Child();
        request["context"]!["draftOrders"]!["entry"]![0]!["resource"]!["dosageInstruction"]![0]!["doseAndRate"] = JsonNode.Parse(doseAndRate);
        return request;
    }

    /// <summary>A <c>doseAndRate</c> list of one UCUM <c>doseQuantity</c>.</summary>
    private static string UcumDose(string value, string code) =>
        $$$"""[{"doseQuantity":{"value":{{{value}}},"unit":"{{{code}}}","system":"http://unitsofmeasure.org","code":"{{{code}}}"}}]""";

    /// <summary>The first <c>doseAndRate</c> of the MedicationRequest the card's first suggestion updates the order to.</summary>
    private static JsonElement SuggestedDoseAndRate(JsonElement card) =>
        card.GetProperty("suggestions")[0].GetProperty("actions")[0].GetProperty("resource").GetProperty("dosageInstruction")[0].GetProperty("doseAndRate")[0];

    /// <summary>The 01-child order with its dose moved where STU3 (and the specification's own "R4" examples) put it.</summary>
    private static JsonObject ChildWithStu3Dosage(Action<JsonObject>? change = null)
    {
        var request = Child();
        var order = request["context"]!["draftOrders"]!["entry"]!.AsArray()
            .Select(e => e!["resource"]!.AsObject()).Single(r => (string?)r["resourceType"] == "MedicationRequest");
        var dosage = order["dosageInstruction"]![0]!.AsObject();
        var dose = dosage["doseAndRate"]![0]!["doseQuantity"]!.DeepClone();
        dosage.Remove("doseAndRate");
        dosage["doseQuantity"] = dose;
        change?.Invoke(dosage);
        return request;
    }

    /// <summary>The numbered steps under the card's "How this was worked out" heading.</summary>
    private static List<string> TraceSteps(string detail)
    {
        const string Heading = "**How this was worked out**";
        return [.. detail[(detail.IndexOf(Heading, StringComparison.Ordinal) + Heading.Length)..]
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .TakeWhile(line => line.Length > 0 && char.IsAsciiDigit(line[0]))];
    }

    [Fact]
    public async Task Call_DoseCard_SaysEachAlertOnce_TheTraceNamesItWhereItHappened()
    {
        var (status, body, _) = await PostAsync(Child().ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        var detail = OnlyCard(body).GetProperty("detail").GetString()!;
        // 01-child answers no screen: the pregnancy screen's warning is listed with its source, once.
        const string Listed = "- **warning** `SCREEN_PREGNANCY_NOT_DONE`: The pregnancy screen was not done (not asked)";
        Assert.Contains(Listed, detail, StringComparison.Ordinal);
        Assert.Single(detail.Split("The pregnancy screen was not done", StringSplitOptions.None).Skip(1));
        var steps = TraceSteps(detail);
        Assert.Equal(Enumerable.Range(1, steps.Count).Select(n => $"{n}. "), steps.Select(s => s[..(s.IndexOf(' ', StringComparison.Ordinal) + 1)]));
        Assert.Contains(steps, s => s.EndsWith(". Alert warning `SCREEN_PREGNANCY_NOT_DONE`: listed above.", StringComparison.Ordinal));
        // The steps that are not alerts keep their text: the patient first, the BSA with its formula.
        Assert.StartsWith("1. Patient: age ", steps[0], StringComparison.Ordinal);
        Assert.Contains(steps, s => s.Contains("BSA (Mosteller", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Call_ContraindicatedCard_TheCriticalAlertOnce_AnAlertNotListedKeepsItsTextInTheTrace()
    {
        var (status, body, _) = await PostAsync(Vector("07-contraindicated").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        var card = OnlyCard(body);
        Assert.Equal("critical", card.GetProperty("indicator").GetString());
        var detail = card.GetProperty("detail").GetString()!;
        var steps = TraceSteps(detail);
        // The contraindication is listed above with its source: its step names it.
        Assert.Contains("- **critical** `CI_RENAL_SEVERE`: ", detail, StringComparison.Ordinal);
        Assert.Contains(steps, s => s.EndsWith(". Alert critical `CI_RENAL_SEVERE`: listed above.", StringComparison.Ordinal));
        // A contraindicated card lists only the critical alerts: a warning stays whole in the trace, with its source.
        var warning = Assert.Single(steps, s => s.Contains("Alert warning SCREEN\\_HYPERSENSITIVITY\\_NOT\\_DONE", StringComparison.Ordinal));
        Assert.Contains("The hypersensitivity screen was not done (not asked)", warning, StringComparison.Ordinal);
        Assert.Contains("\\[", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("`SCREEN_HYPERSENSITIVITY_NOT_DONE`", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_Stu3DosageShape_ReadAsR4NothingDropped_ComparedAndTheCardSaysHow()
    {
        var (status, body, _) = await PostAsync(ChildWithStu3Dosage().ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        var card = OnlyCard(body);
        // 52 mg/m² × 1.06 m² = 55.1 mg/day (vector 01); the order's 55.1 mg, read from the STU3 place, equals it.
        Assert.Contains("55.1 mg per day", card.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // The heading above is on every card; this says the ordered dose itself was read and compared.
        Assert.DoesNotContain("not compared", card.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("How the order was read", card.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("doseQuantity read as dosageInstruction", card.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(card.TryGetProperty("suggestions", out _));
        Assert.Equal("warning", card.GetProperty("indicator").GetString()); // info, raised: the EHR should send R4
    }

    [Fact]
    public async Task Call_Stu3DosageShapeWithAnotherUnknownElement_StillRefusedNamingTheEntry()
    {
        var (status, body, _) = await PostAsync(ChildWithStu3Dosage(d => d["dosePerDay"] = 3).ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("context.draftOrders.entry[", body.GetProperty("property").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discovery_Get_MatchesGoldenFile()
    {
        using var response = await site.Client.GetAsync(new Uri("/cds-services", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var actual = (await response.Content.ReadAsStringAsync()).ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("FORMULARY_REGENERATE_GOLDEN") == "1")
        {
            await File.WriteAllTextAsync(GoldenPath, actual);
        }

        Assert.Equal((await File.ReadAllTextAsync(GoldenPath)).ReplaceLineEndings("\n"), actual);
    }

    [Fact]
    public async Task Discovery_Get_OffersBothHooksWithThePrefetchTemplatesOfTheIssue()
    {
        var body = await site.Client.GetFromJsonAsync<JsonElement>(new Uri("/cds-services", UriKind.Relative));

        var services = body.GetProperty("services").EnumerateArray().ToList();
        Assert.Equal(["order-select", "order-sign"], services.Select(s => s.GetProperty("hook").GetString()!).ToArray());
        foreach (var service in services)
        {
            var prefetch = service.GetProperty("prefetch");
            Assert.Equal("Patient/{{context.patientId}}", prefetch.GetProperty("patient").GetString());
            Assert.Equal("Observation?patient={{context.patientId}}&code=http://loinc.org|29463-7&_sort=-date&_count=1", prefetch.GetProperty("weight").GetString());
            Assert.Equal("Observation?patient={{context.patientId}}&code=http://loinc.org|8302-2&_sort=-date&_count=1", prefetch.GetProperty("height").GetString());
            Assert.Equal("Observation?patient={{context.patientId}}&code=http://loinc.org|2160-0&_sort=-date&_count=1", prefetch.GetProperty("creatinine").GetString());
            Assert.Equal("Observation?patient={{context.patientId}}&code=http://loinc.org|82810-3&_sort=-date&_count=1", prefetch.GetProperty("pregnancy").GetString());
            Assert.False(string.IsNullOrWhiteSpace(service.GetProperty("title").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(service.GetProperty("description").GetString()));
        }
    }

    [Fact]
    public async Task Call_UnknownTopLevelField_Returns400NamingIt()
    {
        var request = Child();
        request["hookinstance"] = "typo";

        var (status, problem, mediaType) = await PostAsync(request.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal("/problems/unknown-property", problem.GetProperty("type").GetString());
        Assert.Equal("hookinstance", problem.GetProperty("property").GetString());
    }

    [Fact]
    public async Task Call_PropertyRepeatedInsidePrefetch_Returns400NamingItsPath()
    {
        var json = Child().ToJsonString().Replace("\"gender\":\"female\"", "\"gender\":\"female\",\"gender\":\"male\"", StringComparison.Ordinal);

        var (status, problem, _) = await PostAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("/problems/duplicate-property", problem.GetProperty("type").GetString());
        Assert.Equal("prefetch.patient.gender", problem.GetProperty("property").GetString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(12)]
    public async Task Call_Answer_IsSentWithItsLengthNotChunked(int orders)
    {
        var request = Child();
        var entries = request["context"]!["draftOrders"]!["entry"]!.AsArray();
        for (var i = 1; i < orders; i++)
        {
            var copy = entries[0]!.DeepClone();
            copy["resource"]!["id"] = $"order-{i + 1}";
            entries.Add(copy);
        }

        using var content = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await site.Client.PostAsync(new Uri(Sign, UriKind.Relative), content);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        using var answer = JsonDocument.Parse(body);
        Assert.Equal(orders, answer.RootElement.GetProperty("cards").GetArrayLength());
        // Copies of one order: each card is the dose card, and from two orders on each also says the drug is ordered that many times.
        Assert.All(answer.RootElement.GetProperty("cards").EnumerateArray(), card => Assert.StartsWith(
            orders == 1 ? "Clofarabine: 55.1 mg/day" : $"Clofarabine ordered {orders} times: check for a duplicate. Clofarabine: 55.1 mg/day", card.GetProperty("summary").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Call_ExtensionAndUnreadContextField_AreTolerated()
    {
        var request = Child();
        request["extension"] = new JsonObject { ["com.example.ehr.site"] = "north" };
        request["context"]!["encounterId"] = "enc-1";
        request["fhirServer"] = null;

        var (status, body, _) = await PostAsync(request.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("info", OnlyCard(body).GetProperty("indicator").GetString());
    }

    [Theory]
    [InlineData("79228162514264337593543950335")]
    [InlineData("1000001")]
    [InlineData("0")]
    [InlineData("-55.1")]
    public async Task Call_OrderedDoseThatCannotBeADose_IsAWarningAboutTheOrder_NotAComparison(string milligrams)
    {
        var request = Child();
        request["context"]!["draftOrders"]!["entry"]![0]!["resource"]!["dosageInstruction"]![0]!["doseAndRate"]![0]!["doseQuantity"]!["value"] = JsonNode.Parse(milligrams);

        var (status, body, _) = await PostAsync(request.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        var card = OnlyCard(body);
        Assert.Equal("warning", card.GetProperty("indicator").GetString());
        Assert.Contains("is not a plausible amount", card.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(card.TryGetProperty("suggestions", out _));
    }

    [Theory]
    [InlineData("hook", "patient-view")]
    [InlineData("hookInstance", null)]
    public async Task Call_WrongHookOrNoInstance_Returns400(string field, string? value)
    {
        var request = Child();
        request[field] = value;

        var (status, problem, _) = await PostAsync(request.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("/problems/invalid-cds-request", problem.GetProperty("type").GetString());
        Assert.Equal(field, problem.GetProperty("property").GetString());
    }

    [Fact]
    public async Task Call_AuthorizationWithoutServer_Returns400()
    {
        var request = Child();
        request["fhirAuthorization"] = new JsonObject { ["access_token"] = "t", ["token_type"] = "Bearer", ["expires_in"] = 300, ["scope"] = "patient/*.read", ["subject"] = "formulary" };

        var (status, problem, _) = await PostAsync(request.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("fhirAuthorization", problem.GetProperty("property").GetString());
    }

    [Theory]
    [InlineData("http://ehr.example.org/fhir", HttpStatusCode.BadRequest)]
    [InlineData("http://192.168.1.20/fhir", HttpStatusCode.BadRequest)]
    [InlineData("https://ehr.example.org/fhir", HttpStatusCode.OK)]
    [InlineData("http://127.0.0.1:9/fhir", HttpStatusCode.OK)]
    public async Task Call_AccessTokenForAPlainHttpServerOfAnotherMachine_Returns400(string server, HttpStatusCode expected)
    {
        // Everything is prefetched, so nothing is fetched: only whether the token may be sent there is checked.
        var request = Child();
        request["fhirServer"] = server;
        request["fhirAuthorization"] = new JsonObject { ["access_token"] = "t", ["token_type"] = "Bearer", ["expires_in"] = 300, ["scope"] = "patient/*.read", ["subject"] = "formulary" };

        var (status, body, _) = await PostAsync(request.ToJsonString());

        Assert.Equal(expected, status);
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.Equal("fhirServer", body.GetProperty("property").GetString());
            Assert.Contains("must be an https URL", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Call_UnknownService_Returns404Problem()
    {
        var (status, problem, mediaType) = await PostAsync(Child().ToJsonString(), "/cds-services/no-such-service");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal("/problems/not-found", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Call_NotJson_Returns415()
    {
        var (status, _, _) = await PostAsync(Child().ToJsonString(), mediaType: "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
    }

    [Fact]
    public async Task Call_DraftOrderWithUnknownFhirElement_Returns400()
    {
        var request = Child();
        request["context"]!["draftOrders"]!["entry"]![0]!["resource"]!["dosis"] = 5;

        var (status, problem, _) = await PostAsync(request.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("context.draftOrders.entry[0].resource", problem.GetProperty("property").GetString());
        Assert.Contains("dosis", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <param name="user">The top-level <c>user</c> the drafts before CDS Hooks 1.0 sent beside <c>medications</c>; null: none.</param>
    [Theory]
    [InlineData(null)]
    [InlineData("Practitioner/example")]
    public async Task Call_OlderMedicationsShape_IsCheckedLikeDraftOrders(string? user)
    {
        var request = Child();
        var context = request["context"]!.AsObject();
        var order = context["draftOrders"]!["entry"]![0]!["resource"]!.DeepClone();
        context.Remove("draftOrders");
        context["medications"] = new JsonArray(order);
        if (user is not null)
        {
            request["user"] = user;
        }

        var (status, body, _) = await PostAsync(request.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Clofarabine: 55.1 mg/day IV for 5 days (52 mg/m² × 1.06 m²)", OnlyCard(body).GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Call_TopLevelUserThatIsNotAString_Returns400NamingIt()
    {
        var request = Child();
        request["user"] = new JsonObject { ["reference"] = "Practitioner/example" };

        var (status, problem, _) = await PostAsync(request.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("user", problem.GetProperty("property").GetString());
    }

    [Fact]
    public async Task Call_PatientIdSentAsAReference_Returns400SayingTheIdAloneIsMeant()
    {
        var request = Child();
        request["context"]!["patientId"] = "Patient/child-1";

        var (status, problem, _) = await PostAsync(request.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("context.draftOrders.entry[0].resource.subject", problem.GetProperty("property").GetString()); // the order's subject is read first
        Assert.EndsWith("context.patientId is the Patient's id alone ('child-1'), not a reference ('Patient/child-1').", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(problem.TryGetProperty("cards", out _));
    }

    [Fact]
    public async Task Call_PrefetchOfAnotherPatient_Returns400AndNoCard()
    {
        var request = Child();
        request["prefetch"]!["weight"]!["entry"]![0]!["resource"]!["subject"]!["reference"] = "Patient/someone-else";

        var (status, problem, _) = await PostAsync(request.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("prefetch.weight", problem.GetProperty("property").GetString());
    }

    [Theory]
    [InlineData("unit", "lbs", "UCUM cannot convert")]
    [InlineData("status", "entered-in-error", "status 'entered-in-error'")]
    [InlineData("date", "2026-01-15", "46 days ago")]
    [InlineData("comparator", ">", "is not an exact value ('\\> 30')")] // Markdown: '>' escaped
    [InlineData("code", "8335-2", "has LOINC 8335-2 (Body weight Estimated); only LOINC 29463-7 or 3141-9 is read as a body weight.")]
    public async Task Call_WeightThatCannotBeUsed_IsAWarningCardNotANumber(string what, string value, string expected)
    {
        var request = Child();
        var weight = request["prefetch"]!["weight"]!["entry"]![0]!["resource"]!;
        switch (what)
        {
            case "unit":
                weight["valueQuantity"]!["code"] = value;
                weight["valueQuantity"]!["unit"] = value;
                break;
            case "status":
                weight["status"] = value;
                break;
            case "date":
                weight["effectiveDateTime"] = value;
                break;
            case "code":
                weight["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://loinc.org", ["code"] = value, ["display"] = "Body weight Estimated" }) };
                break;
            default:
                weight["valueQuantity"]!["comparator"] = value;
                break;
        }

        var (status, body, _) = await PostAsync(request.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        var card = OnlyCard(body);
        Assert.Equal("warning", card.GetProperty("indicator").GetString());
        Assert.StartsWith("Clofarabine: no dose computed", card.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains(expected, card.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("mg per day", card.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Clofarabine 1 mg/mL injection", "order-2")]
    [InlineData("Clolar", "")] // the brand, and an order without an id: named by its place
    public async Task Call_TheSameDrugOrderedTwice_EachCardSaysSoAndWarns(string secondText, string secondId)
    {
        var request = Child();
        var entries = request["context"]!["draftOrders"]!["entry"]!.AsArray();
        var second = entries[0]!.DeepClone();
        second["resource"]!["medicationCodeableConcept"] = new JsonObject { ["text"] = secondText };
        if (secondId.Length > 0)
        {
            second["resource"]!["id"] = secondId;
        }
        else
        {
            second["resource"]!.AsObject().Remove("id");
        }

        entries.Add(second);

        var (status, body, _) = await PostAsync(request.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        var cards = body.GetProperty("cards").EnumerateArray().ToList();
        Assert.Equal(2, cards.Count);
        var named = secondId.Length > 0 ? "'order-1', 'order-2'" : "'order-1', draft order 2";
        foreach (var card in cards)
        {
            // Each order alone agrees with the computed 55.1 mg a day; together they give twice that.
            Assert.Equal("warning", card.GetProperty("indicator").GetString());
            Assert.StartsWith("Clofarabine ordered 2 times: check for a duplicate. Clofarabine: 55.1 mg/day", card.GetProperty("summary").GetString(), StringComparison.Ordinal);
            Assert.True(card.GetProperty("summary").GetString()!.Length < 140);
            Assert.Contains($"**Ordered more than once**\n\n- Clofarabine is in 2 of these orders ({named}).", card.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Call_TwoDifferentDrugs_NoCardSaysOrderedMoreThanOnce()
    {
        var request = Child();
        var entries = request["context"]!["draftOrders"]!["entry"]!.AsArray();
        var second = entries[0]!.DeepClone();
        second["resource"]!["id"] = "order-2";
        second["resource"]!["medicationCodeableConcept"] = new JsonObject { ["text"] = "Methotrexate" };
        entries.Add(second);

        var (status, body, _) = await PostAsync(request.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        var cards = body.GetProperty("cards").EnumerateArray().ToList();
        Assert.Equal(2, cards.Count);
        Assert.All(cards, card => Assert.DoesNotContain("more than once", card.GetProperty("detail").GetString(), StringComparison.Ordinal));
        // A warning, but for the interaction (methotrexate is nephrotoxic and hepatotoxic), not for a repeated drug.
        Assert.Equal("warning", cards[0].GetProperty("indicator").GetString());
        Assert.Contains("`INTERACTION_AVOID`: 'Methotrexate' is nephrotoxic", cards[0].GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("other")]
    public async Task Call_GenderNeitherFemaleNorMale_IsAWarningCardThatSaysWhatTheRecordHolds(string gender)
    {
        var request = Child();
        request["prefetch"]!["patient"]!["gender"] = gender;

        var (status, body, _) = await PostAsync(request.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        var card = OnlyCard(body);
        Assert.Equal("warning", card.GetProperty("indicator").GetString());
        Assert.StartsWith("Clofarabine: no dose computed", card.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains($"The Patient's gender is '{gender}', and a dose needs female or male (Patient.gender)", card.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("is missing", card.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("mg per day", card.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_GenderNotGiven_IsTheEnginesRefusal()
    {
        var request = Child();
        request["prefetch"]!["patient"]!.AsObject().Remove("gender");

        var (status, body, _) = await PostAsync(request.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        var card = OnlyCard(body);
        Assert.Equal("warning", card.GetProperty("indicator").GetString());
        Assert.Contains("is missing; female or male is needed", card.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_TwoWeightsMeasuredAtTheSameTimeThatDisagree_IsAWarningCardNotEitherNumber()
    {
        var request = Child();
        AddWeight(request, "weight-2")["valueQuantity"]!["value"] = 40;

        var (status, body, _) = await PostAsync(request.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        var card = OnlyCard(body);
        Assert.Equal("warning", card.GetProperty("indicator").GetString());
        Assert.StartsWith("Clofarabine: no dose computed", card.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var detail = card.GetProperty("detail").GetString()!;
        Assert.Contains("'weight-1' (30 kg) and Observation 'weight-2' (40 kg) were measured at the same time (2026-03-01) and disagree", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("mg/m²", card.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_TheSameWeightSentTwice_IsUsed()
    {
        var request = Child();
        AddWeight(request, "weight-1-copy");

        var (_, body, _) = await PostAsync(request.ToJsonString());

        // 30 kg either way: the same patient as 01-child, so the same 55.1 mg.
        Assert.Equal("Clofarabine: 55.1 mg/day IV for 5 days (52 mg/m² × 1.06 m²)", OnlyCard(body).GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Call_WeightsOfTheSameDayInDifferentTimeZones_TheLaterInstantIsUsed()
    {
        // 10:00 at +09:00 is 01:00 UTC, before 05:00 UTC, though its text sorts after it.
        var request = Child();
        request["prefetch"]!["weight"]!["entry"]![0]!["resource"]!["effectiveDateTime"] = "2026-03-01T05:00:00Z";
        var earlier = AddWeight(request, "weight-tokyo");
        earlier["effectiveDateTime"] = "2026-03-01T10:00:00+09:00";
        earlier["valueQuantity"]!["value"] = 40;

        var (_, body, _) = await PostAsync(request.ToJsonString());

        // The 05:00 UTC weight, 30 kg: the same 55.1 mg as 01-child (40 kg would give a larger body surface area).
        Assert.Equal("Clofarabine: 55.1 mg/day IV for 5 days (52 mg/m² × 1.06 m²)", OnlyCard(body).GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Call_WeightInGrams_IsConvertedByUcum()
    {
        var request = Child();
        var quantity = request["prefetch"]!["weight"]!["entry"]![0]!["resource"]!["valueQuantity"]!;
        quantity["value"] = 30000;
        quantity["unit"] = "g";
        quantity["code"] = "g";

        var (_, body, _) = await PostAsync(request.ToJsonString());

        // 30000 g = 30 kg: the same patient as 01-child, so the same 55.1 mg.
        Assert.Equal("Clofarabine: 55.1 mg/day IV for 5 days (52 mg/m² × 1.06 m²)", OnlyCard(body).GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Call_PrefetchMissingWithFhirServer_FetchesItWithTheBearerToken()
    {
        var request = Child();
        var prefetch = request["prefetch"]!.AsObject();
        var answers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Observation?patient=child-1&code=http://loinc.org|29463-7&_sort=-date&_count=1"] = prefetch["weight"]!.ToJsonString(),
            ["Observation?patient=child-1&code=http://loinc.org|8302-2&_sort=-date&_count=1"] = prefetch["height"]!.ToJsonString(),
            ["Observation?patient=child-1&code=http://loinc.org|2160-0&_sort=-date&_count=1"] = prefetch["creatinine"]!.ToJsonString(),
            ["Observation?patient=child-1&code=http://loinc.org|82810-3&_sort=-date&_count=1"] = """{"resourceType":"Bundle","type":"searchset","total":0}""",
        };
        await using var fhir = await FakeFhirServer.StartAsync(answers);
        prefetch.Remove("weight");
        prefetch["height"] = null;
        prefetch["creatinine"] = JsonNode.Parse("""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"timeout"}]}""");
        request["fhirServer"] = fhir.BaseAddress.ToString();
        request["fhirAuthorization"] = new JsonObject { ["access_token"] = "secret-token", ["token_type"] = "Bearer", ["expires_in"] = 300, ["scope"] = "patient/Observation.read", ["subject"] = "formulary" };

        var (status, body, _) = await PostAsync(request.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Clofarabine: 55.1 mg/day IV for 5 days (52 mg/m² × 1.06 m²)", OnlyCard(body).GetProperty("summary").GetString());
        Assert.Equal(4, fhir.Requests.Count);
        Assert.All(fhir.Requests, r => Assert.Equal("Bearer secret-token", r.Authorization));
        Assert.Equal(answers.Keys.Order(StringComparer.Ordinal), fhir.Requests.Select(r => r.PathAndQuery).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Call_FhirServerFailing_Returns412NamingWhatIsMissing()
    {
        await using var fhir = await FakeFhirServer.StartAsync(new Dictionary<string, string>(), status: 500);
        var request = Child();
        request["prefetch"]!.AsObject().Remove("creatinine");
        request["fhirServer"] = fhir.BaseAddress.ToString();
        request["fhirAuthorization"] = new JsonObject { ["access_token"] = "t", ["token_type"] = "Bearer" };

        var (status, problem, _) = await PostAsync(request.ToJsonString());

        Assert.Equal(HttpStatusCode.PreconditionFailed, status);
        Assert.Equal("/problems/prefetch-missing", problem.GetProperty("type").GetString());
        Assert.Equal(["creatinine"], problem.GetProperty("missing").EnumerateArray().Select(m => m.GetString()!).ToArray());
    }

    [Fact]
    public async Task Call_EmptySearchResult_IsACardSayingTheRecordHoldsNone()
    {
        var request = Child();
        request["prefetch"]!["creatinine"] = JsonNode.Parse("""{"resourceType":"Bundle","type":"searchset","total":0}""");

        var (status, body, _) = await PostAsync(request.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("holds no serum creatinine", OnlyCard(body).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_MedicationReferenceTheRequestDoesNotCarry_IsNotCheckedAndSaysWhichReference()
    {
        var request = Child();
        var order = request["context"]!["draftOrders"]!["entry"]![0]!["resource"]!.AsObject();
        order.Remove("medicationCodeableConcept");
        order["medicationReference"] = new JsonObject { ["reference"] = "Medication/on-the-ehr-server" };

        var (status, body, _) = await PostAsync(request.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        var card = OnlyCard(body);
        Assert.Equal("info", card.GetProperty("indicator").GetString());
        Assert.Contains("Medication/on-the-ehr-server", card.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"repeat":{"frequency":1,"period":2,"periodUnit":"d"}}""", "warning", "less often than daily")]
    [InlineData("""{"repeat":{"frequency":1,"frequencyMax":3,"period":1,"periodUnit":"d"}}""", "warning", "frequency or period as a range")]
    [InlineData("""{"code":{"text":"BID"}}""", "warning", "by a code only")]
    [InlineData("""{"repeat":{"frequency":1,"period":0.00000000000000000001,"periodUnit":"s"}}""", "warning", "more than 1000 doses a day")]
    [InlineData("""{"repeat":{"frequency":1,"period":-1,"periodUnit":"d"}}""", "warning", "not a plausible number")]
    [InlineData("""{"repeat":{"frequency":2147483647,"period":1,"periodUnit":"s"}}""", "warning", "more than 1000 doses a day")]
    public async Task Call_TimingThatGivesNoDailyAmount_IsNotComparedAndSaysWhy(string timing, string indicator, string expected)
    {
        var request = Child();
        request["context"]!["draftOrders"]!["entry"]![0]!["resource"]!["dosageInstruction"]![0]!["timing"] = JsonNode.Parse(timing);

        var (status, body, _) = await PostAsync(request.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        var card = OnlyCard(body);
        Assert.Equal(indicator, card.GetProperty("indicator").GetString());
        Assert.Contains(expected, card.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(card.TryGetProperty("suggestions", out _));
    }

    [Fact]
    public async Task Call_DoseRangeOutsideTheComputedDose_SuggestsTheComputedDose()
    {
        var request = ChildOrdering(
            """[{"doseRange":{"low":{"value":70,"unit":"mg","system":"http://unitsofmeasure.org","code":"mg"},"high":{"value":80,"unit":"mg","system":"http://unitsofmeasure.org","code":"mg"}}}]""");

        var (status, body, _) = await PostAsync(request.ToJsonString());

        // 55.1 mg/day (01-child) is below 70-80 mg: a warning, and the update action sets a doseQuantity of 55.1 mg.
        Assert.Equal(HttpStatusCode.OK, status);
        var card = OnlyCard(body);
        Assert.Equal("warning", card.GetProperty("indicator").GetString());
        Assert.StartsWith("Clofarabine: ordered 70–80 mg, computed 55.1 mg/day", card.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var dose = SuggestedDoseAndRate(card);
        Assert.Equal(55.1m, dose.GetProperty("doseQuantity").GetProperty("value").GetDecimal());
        Assert.False(dose.TryGetProperty("doseRange", out _));
    }

    [Theory]
    [InlineData("52", "mg/m2")]
    [InlineData("52000", "ug/m2")]
    [InlineData("0.052", "g/m2")]
    public async Task Call_DosePerSquareMetre_IsComparedWithTheBsaOfTheComputedDose(string value, string code)
    {
        var request = ChildOrdering(UcumDose(value, code));

        var (status, body, _) = await PostAsync(request.ToJsonString());

        // 01-child: 52 mg/m² × 1.06 m² = 55.12 mg, within half the 0.1 mg rounding step of the computed 55.1 mg/day.
        Assert.Equal(HttpStatusCode.OK, status);
        var card = OnlyCard(body);
        Assert.Equal("info", card.GetProperty("indicator").GetString());
        Assert.Equal("Clofarabine: 55.1 mg/day IV for 5 days (52 mg/m² × 1.06 m²)", card.GetProperty("summary").GetString());
        Assert.Contains($"The order gives {value} {code} × 1.06 m² = 55.12 mg, the computed daily dose.", card.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("not compared", card.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(card.TryGetProperty("suggestions", out _));
    }

    [Fact]
    public async Task Call_DosePerSquareMetreAboveTheComputedDose_SaysByHowMuchAndSuggestsTheComputedDose()
    {
        var request = ChildOrdering(UcumDose("70", "mg/m2"));

        var (status, body, _) = await PostAsync(request.ToJsonString());

        // 70 mg/m² × 1.06 m² = 74.2 mg against the computed 55.1 mg: (74.2 − 55.1) / 55.1 = +34.66…% → +34.7%.
        Assert.Equal(HttpStatusCode.OK, status);
        var card = OnlyCard(body);
        Assert.Equal("warning", card.GetProperty("indicator").GetString());
        Assert.StartsWith("Clofarabine: ordered 70 mg/m2 × 1.06 m² = 74.2 mg, computed 55.1 mg/day", card.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains("The order gives **70 mg/m2 × 1.06 m² = 74.2 mg**, +34.7% from the computed 55.1 mg per day.", card.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var dose = SuggestedDoseAndRate(card);
        Assert.Equal((55.1m, "mg"), (dose.GetProperty("doseQuantity").GetProperty("value").GetDecimal(), dose.GetProperty("doseQuantity").GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Call_BodyStartingWithAByteOrderMark_IsAnsweredAsWithout()
    {
        var json = Child().ToJsonString();

        var (withMark, markBody, _) = await PostAsync("\uFEFF" + json, mediaType: "application/fhir+json");
        var (without, plainBody, _) = await PostAsync(json);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (withMark, without));
        Assert.Equal(OnlyCard(plainBody).GetProperty("summary").GetString(), OnlyCard(markBody).GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Call_DosePerKilogram_IsNotComparedAndSaysWhy()
    {
        var request = ChildOrdering(UcumDose("1.7", "mg/kg"));

        var (status, body, _) = await PostAsync(request.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        var card = OnlyCard(body);
        Assert.Contains("The ordered dose, 1.7 mg/kg, is per kg of body weight, and which weight it is meant for (actual, ideal or adjusted) cannot be told from the order, so it is not compared: check the amount it gives against the computed dose.", card.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(card.TryGetProperty("suggestions", out _));
    }

    [Fact]
    public async Task Call_SearchAnswerWithAnEmptyEntryArray_IsACardSayingTheRecordHoldsNone()
    {
        var request = Child();
        request["prefetch"]!["height"] = JsonNode.Parse("""{"resourceType":"Bundle","type":"searchset","total":0,"entry":[]}""");

        var (status, body, _) = await PostAsync(request.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("holds no body height", OnlyCard(body).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_UnknownElementInADraftBundleEntry_Returns400NamingIt()
    {
        var request = Child();
        request["context"]!["draftOrders"]!["entry"]![0]!["resourse"] = new JsonObject();

        var (status, problem, _) = await PostAsync(request.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("context.draftOrders.entry[0].resourse", problem.GetProperty("property").GetString());
    }

    [Fact]
    public async Task DoseLink_OfACard_OpensTheDosePagePrefilledAndComputed()
    {
        var (_, body, _) = await PostAsync(Child().ToJsonString());
        var link = new Uri(OnlyCard(body).GetProperty("links")[0].GetProperty("url").GetString()!);

        using var page = await site.Client.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("55.1", html, StringComparison.Ordinal);
        Assert.Contains("value=\"135\"", html, StringComparison.Ordinal);
    }
}
