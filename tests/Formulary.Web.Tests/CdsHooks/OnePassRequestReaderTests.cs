using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Formulary.Web.CdsHooks;
using Formulary.Web.Fhir;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.CdsHooks;

/// <summary>
/// The one-pass reader may decline any request, but a request it reads must be one the document's path
/// (<see cref="JsonDocument"/> refusing repeated names, then <see cref="CdsRequestReader"/>, then each prefetched value read as
/// <see cref="PatientDataSource"/> reads it) reads too, to the same orders and the same prefetched resources: so every refusal
/// stays the document path's. Checked on every conformance vector and on thousands of mutations of them (each property removed,
/// repeated, renamed unknown, written with an escape, each value replaced by values of every other kind, the bytes cut short
/// or broken), and on random hostile values anywhere.
/// </summary>
public sealed class OnePassRequestReaderTests
{
    private static readonly JsonDocumentOptions NoRepeatedNames = new() { AllowDuplicateProperties = false };

    private static readonly string[] Replacements =
    [
        "null", "5", "-1", "0", "1e400", "3e1", "\"x\"", "\"\"", "\" final\"", "true", "[]", "{}", "[null]", "[5]", "[{}]", "{\"x\":1}",
        "\"2026-13-45\"", "\"2026-03\"", "\"lbs\"", "\"[lb_av]\"", "\"http://loinc.org\"", "\"final\"", "\"Bundle\"", "\"Observation\"",
        "\"MedicationOrder\"", "\"OperationOutcome\"", "\"29463-7\"", "\"77606-2\"", "\"Patient/other\"", "\"order-select\"",
        "\"urn:uuid:0b1e\"", "\"ftp://example.org/fhir\"", "\"https://example.org/fhir\"", "\"http://203.0.113.5/fhir\"",
    ];

    /// <summary>Names a reader looks for, put beside or in place of each property.</summary>
    private static readonly string[] KnownNames =
    [
        "hook", "hookInstance", "fhirServer", "fhirAuthorization", "context", "prefetch", "extension", "patientId", "draftOrders",
        "medications", "selections", "resourceType", "entry", "fullUrl", "resource", "access_token", "token_type", "patient", "weight",
    ];

    public static TheoryData<string, string> Servers() => new()
    {
        { "\"https://ehr.example.org/fhir\"", """{"access_token":"t","token_type":"Bearer","expires_in":300,"scope":"patient/*.read","subject":"x"}""" },
        { "\"https://ehr.example.org/fhir\"", """{"access_token":"t","token_type":"bearer"}""" },
        { "\"https://ehr.example.org/fhir\"", """{"access_token":"t","token_type":"MAC"}""" },
        { "\"https://ehr.example.org/fhir\"", """{"access_token":"","token_type":"Bearer"}""" },
        { "\"https://ehr.example.org/fhir\"", """{"access_token":5,"token_type":"Bearer"}""" },
        { "\"https://ehr.example.org/fhir\"", """{"token_type":"Bearer"}""" },
        { "\"https://ehr.example.org/fhir\"", "null" },
        { "\"https://ehr.example.org/fhir\"", "[]" },
        { "\"http://ehr.example.org/fhir\"", """{"access_token":"t","token_type":"Bearer"}""" },
        { "\"http://127.0.0.1:8080/fhir\"", """{"access_token":"t","token_type":"Bearer"}""" },
        { "\"ftp://ehr.example.org/fhir\"", """{"access_token":"t","token_type":"Bearer"}""" },
        { "\"ehr.example.org\"", "null" },
        { "\"ftp://ehr.example.org/fhir\"", "null" },
        { "\"urn:uuid:0b1e\"", "null" },
        { "null", """{"access_token":"t","token_type":"Bearer"}""" },
        { "5", "null" },
    };

    public static TheoryData<string> Vectors() => ConformanceVectorTests.Vectors();

    [Theory]
    [InlineData("01-child")]
    [InlineData("02-adult-dose-differs")]
    [InlineData("04-pounds-inches")]
    [InlineData("05-creatinine-umol")]
    [InlineData("09-weight-for-length-code")]
    public void CommonShapeVector_IsReadInOnePass(string name)
    {
        var body = File.ReadAllBytes(Path.Combine(ConformanceVectorTests.Folder, name + ".request.json"));

        Assert.NotNull(OnePassRequestReader.Read(body, ServiceOf(body)));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void EveryVectorAndItsMutations_ReadInOnePass_AreReadTheSameThroughTheDocument(string name)
    {
        var text = File.ReadAllText(Path.Combine(ConformanceVectorTests.Folder, name + ".request.json"));
        var read = 0;
        var mutants = Mutants(text).ToList();
        foreach (var mutant in mutants)
        {
            read += AssertSameAsDocumentPath(Encoding.UTF8.GetBytes(mutant)) ? 1 : 0;
        }

        // Not a vacuous comparison: the reader takes a good share of the mutants of a vector it reads.
        if (OnePassRequestReader.Read(Encoding.UTF8.GetBytes(text), ServiceOf(Encoding.UTF8.GetBytes(text))) is not null)
        {
            Assert.True(read > mutants.Count / 10, $"{read} of {mutants.Count} mutants read in one pass");
        }
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public void ChildVector_WithAServerAndItsAuthorization_IsDeclinedOrReadTheSame(string server, string authorization)
    {
        var text = File.ReadAllText(Path.Combine(ConformanceVectorTests.Folder, "01-child.request.json"));
        foreach (var order in new[] { (server, authorization), (authorization, server) })
        {
            var request = JsonNode.Parse(text)!.AsObject();
            request.Insert(0, order.Item1 == server ? "fhirServer" : "fhirAuthorization", JsonNode.Parse(order.Item1));
            request.Add(order.Item1 == server ? "fhirAuthorization" : "fhirServer", JsonNode.Parse(order.Item2));
            AssertSameAsDocumentPath(Encoding.UTF8.GetBytes(request.ToJsonString()));
        }
    }

    [Theory]
    [InlineData(CdsOrders.MaxOrders, true)]
    [InlineData(CdsOrders.MaxOrders + 1, false)]
    public void ManyOrders_UpToTheLimit_AreReadInOnePass_AndOneMoreIsLeftToTheDocumentPath(int orders, bool read)
    {
        var request = JsonNode.Parse(File.ReadAllText(Path.Combine(ConformanceVectorTests.Folder, "01-child.request.json")))!;
        var entries = request["context"]!["draftOrders"]!["entry"]!.AsArray();
        var order = entries[0]!.ToJsonString();
        entries.Clear();
        for (var i = 0; i < orders; i++)
        {
            entries.Add(JsonNode.Parse(order.Replace("\"order-1\"", $"\"order-{i}\"", StringComparison.Ordinal)));
        }

        var body = Encoding.UTF8.GetBytes(request.ToJsonString());
        Assert.Equal(read, AssertSameAsDocumentPath(body));
        using var document = JsonDocument.Parse(body);
        Assert.Equal(read, CdsRequestReader.Read(document.RootElement, CdsServiceCatalog.OrderSign).Request is not null);
    }

    [Fact]
    public void ChildVector_WithABearerTokenForAnHttpsServer_IsReadInOnePass()
    {
        var request = JsonNode.Parse(File.ReadAllText(Path.Combine(ConformanceVectorTests.Folder, "01-child.request.json")))!.AsObject();
        request["fhirServer"] = "https://ehr.example.org/fhir";
        request["fhirAuthorization"] = JsonNode.Parse("""{"access_token":"t","token_type":"Bearer","expires_in":300}""");

        Assert.True(AssertSameAsDocumentPath(Encoding.UTF8.GetBytes(request.ToJsonString())));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void EveryVector_CutShortOrBroken_IsDeclinedOrReadTheSame(string name)
    {
        var body = File.ReadAllBytes(Path.Combine(ConformanceVectorTests.Folder, name + ".request.json"));
        for (var at = 0; at < body.Length; at += 7)
        {
            AssertSameAsDocumentPath(body[..at]);
            foreach (var b in new byte[] { (byte)'"', (byte)',', (byte)'}', (byte)']', 0xC3, 0xFF, 0 })
            {
                var broken = (byte[])body.Clone();
                broken[at] = b;
                AssertSameAsDocumentPath(broken);
            }
        }

        AssertSameAsDocumentPath([0xEF, 0xBB, 0xBF, .. body]);
        AssertSameAsDocumentPath([.. body, (byte)' ', (byte)'x']);
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(HostileInputPropertyTests.HostileValues)])]
    public bool AnyValueAnywhere_ReadInOnePass_IsReadTheSameThroughTheDocument(string value, NonNegativeInt vector, NonNegativeInt at)
    {
        var files = Directory.EnumerateFiles(ConformanceVectorTests.Folder, "*.request.json").Order(StringComparer.Ordinal).ToList();
        var request = JsonNode.Parse(File.ReadAllText(files[vector.Get % files.Count]))!;
        var places = Places(request).ToList();
        var (parent, key) = places[at.Get % places.Count];
        Set(parent, key, JsonNode.Parse(value));
        AssertSameAsDocumentPath(Encoding.UTF8.GetBytes(request.ToJsonString()));
        return true;
    }

    /// <summary>True when the one-pass reader read the body; it then must be what the document's path reads.</summary>
    private static bool AssertSameAsDocumentPath(byte[] body)
    {
        var service = ServiceOf(body);
        var fast = OnePassRequestReader.Read(body, service);
        if (fast is null)
        {
            return false;
        }

        using var document = JsonDocument.Parse(body, NoRepeatedNames);
        var (slow, problem) = CdsRequestReader.Read(document.RootElement, service);
        Assert.True(slow is not null, $"read in one pass, refused through the document ({problem?.Detail}): {Encoding.UTF8.GetString(body)}");
        Assert.Equal(slow.Hook, fast.Hook);
        Assert.Equal(slow.HookInstance, fast.HookInstance);
        Assert.Equal(slow.FhirServer, fast.FhirServer);
        Assert.Equal(slow.AccessToken, fast.AccessToken);
        Assert.Equal(slow.PatientId, fast.PatientId);
        Assert.Equal(slow.Orders.Count, fast.Orders.Count);
        foreach (var (a, b) in slow.Orders.Zip(fast.Orders))
        {
            Assert.Equal(FhirJson.Write(a.Order), FhirJson.Write(b.Order));
            Assert.Equal(a.Medication is null ? null : FhirJson.Write(a.Medication), b.Medication is null ? null : FhirJson.Write(b.Medication));
            Assert.Equal(a.ReadNote, b.ReadNote);
        }

        foreach (var key in CdsServiceCatalog.Prefetch.Keys)
        {
            var sent = slow.Prefetch.TryGetValue(key, out var s) ? s : null;
            var read = fast.Prefetch.TryGetValue(key, out var f) ? f : null;
            Assert.Equal(sent is null, read is null);
            if (sent is not { Unread: { } element })
            {
                continue;
            }

            var (expected, refused) = PatientDataSource.Read("prefetch." + key, element);
            Assert.True(expected is not null, $"prefetch.{key} read in one pass, refused through the document ({refused?.Detail})");
            var actual = read!.Value.Read!;
            Assert.Equal(FhirJson.Write(expected.Resource), FhirJson.Write(actual.Resource));
            Assert.Equal(expected.Observations.Select(FhirJson.Write), actual.Observations.Select(FhirJson.Write));
        }

        return true;
    }

    private static CdsService ServiceOf(byte[] body) =>
        body.AsSpan().IndexOf("\"order-select\""u8) >= 0 ? CdsServiceCatalog.OrderSelect : CdsServiceCatalog.OrderSign;

    /// <summary>Every property and array item of the request, as (parent, name or index).</summary>
    private static IEnumerable<(JsonNode Parent, object Key)> Places(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    yield return (obj, name);
                    if (value is not null)
                    {
                        foreach (var inner in Places(value))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return (array, i);
                    if (array[i] is { } item)
                    {
                        foreach (var inner in Places(item))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
        }
    }

    private static void Set(JsonNode parent, object key, JsonNode? value)
    {
        if (key is int index)
        {
            parent.AsArray()[index] = value;
        }
        else
        {
            parent.AsObject()[(string)key] = value;
        }
    }

    /// <summary>The request mutated at each place: removed, repeated, written with an escaped name, beside an unknown name, or given another value.</summary>
    private static IEnumerable<string> Mutants(string text)
    {
        var count = Places(JsonNode.Parse(text)!).Count();
        for (var i = 0; i < count; i++)
        {
            foreach (var replacement in Replacements)
            {
                var request = JsonNode.Parse(text)!;
                var (parent, key) = Places(request).ElementAt(i);
                Set(parent, key, JsonNode.Parse(replacement));
                yield return request.ToJsonString();
            }

            {
                var request = JsonNode.Parse(text)!;
                var (parent, key) = Places(request).ElementAt(i);
                if (key is string name)
                {
                    parent.AsObject().Remove(name);
                }
                else
                {
                    parent.AsArray().RemoveAt((int)key);
                }

                yield return request.ToJsonString();
            }

            if (RawAt(text, i) is { } raw)
            {
                var (prefix, name, value, suffix) = raw;
                yield return prefix + name + ":" + value + "," + name + ":" + value + suffix;
                yield return prefix + name + ":" + value + ",\"bogus\":" + value + suffix;
                yield return prefix + name + ":" + value + "," + name + ":null" + suffix;
                yield return prefix + "\"\\u00" + ((int)name[1]).ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + name[2..] + ":" + value + suffix;
                yield return prefix + name + ":" + value + ",\"\\u00" + ((int)name[1]).ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + name[2..] + ":" + value + suffix;
                foreach (var known in KnownNames)
                {
                    yield return prefix + name + ":" + value + ",\"" + known + "\":" + value + suffix;
                    yield return prefix + name + ":" + value + ",\"" + known + "\":null" + suffix;
                    yield return prefix + "\"" + known + "\":" + value + suffix;
                }
            }
        }
    }

    /// <summary>
    /// The request's text split around the i-th place when it is an object's property: what comes before it, its name (quoted),
    /// its value, and what comes after; the rest of the text written exactly as <see cref="JsonNode.ToJsonString"/> writes it.
    /// </summary>
    private static (string Prefix, string Name, string Value, string Suffix)? RawAt(string text, int i)
    {
        var request = JsonNode.Parse(text)!;
        var (parent, key) = Places(request).ElementAt(i);
        if (key is not string name)
        {
            return null;
        }

        const string Marker = "\"@@marker@@\"";
        var value = parent[name]?.ToJsonString() ?? "null";
        var obj = parent.AsObject();
        obj[name] = JsonValue.Create("@@marker@@");
        var marked = request.ToJsonString();
        var at = marked.IndexOf(Marker, StringComparison.Ordinal);
        var quoted = JsonSerializer.Serialize(name);
        var nameAt = at - quoted.Length - 1;
        return (marked[..nameAt], quoted, value, marked[(at + Marker.Length)..]);
    }
}
