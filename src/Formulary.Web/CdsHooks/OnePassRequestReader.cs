using System.Text;
using System.Text.Json;
using Formulary.Web.Fhir;
using Formulary.Web.Fhir.Subset;
using Formulary.Web.Problems;
using Hl7.Fhir.Model;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// Reads a CDS Hooks call of the common shape straight from the body's UTF-8 bytes, in one pass of a
/// <see cref="Utf8JsonReader"/> (no document): the request fields, <c>context.draftOrders</c> as an R4 Bundle, and each
/// prefetched Patient, Observation or search answer read as <see cref="PatientDataSource"/> reads it — every resource
/// by the same <see cref="SubsetReader"/> and, when it declines, by Firely from the same bytes. It only ever answers a request
/// that <see cref="CdsRequestReader"/> would read to the same <see cref="CdsRequest"/>, and declines (null) anything
/// else: malformed JSON, a name repeated in any object (or escaped, which it does not compare), a field the request reader
/// refuses or a value it would refuse, a resource Firely refuses, the older <c>medications</c> shape, an order read through
/// <see cref="OlderDosageShape"/>, a prefetched value that is not a Patient, an Observation or a Bundle of them. A declined body is
/// read through the document by <see cref="CdsRequestReader"/>, which refuses or accepts it with its own words: refusals have
/// one implementation, there. The prefetched values it reads eagerly are only used when the call needs patient data, as the
/// request reader's unread elements are; a value it cannot read makes it decline, so the request reader's lazy reading decides.
/// </summary>
internal static class OnePassRequestReader
{
    private static readonly byte[][] BundleNames = [.. BundleReader.BundleElements.Select(Encoding.UTF8.GetBytes)];
    private static readonly byte[][] EntryNames = [.. BundleReader.EntryElements.Select(Encoding.UTF8.GetBytes)];

    /// <summary>The request, or null when the request reader must read it (see the type's remarks).</summary>
    public static CdsRequest? Read(ReadOnlySpan<byte> body, CdsService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var reader = new Utf8JsonReader(body);
        try
        {
            return reader.Read() && Request(ref reader, body, service) is { } request && !reader.Read() ? request : null;
        }
#pragma warning disable CA1031 // Declining is always safe: the document's path then reads the body as it did before this reader.
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Malformed JSON, a string that is not valid UTF-8, anything Firely throws on: the document's path says what it says of it.
            return null;
        }
#pragma warning restore CA1031
    }

    private sealed class Context
    {
        public string? PatientId { get; set; }

        public List<(MedicationRequest Order, string? FullUrl, string? ReadNote)>? Orders { get; set; }

        public List<(Medication Medication, string? FullUrl)> Medications { get; } = [];

        public List<string>? Selections { get; set; }
    }

    private static CdsRequest? Request(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, CdsService service)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        string? hook = null, instance = null, token = null;
        Uri? server = null;
        var authorization = false;
        Context? context = null;
        var prefetch = new Dictionary<string, PrefetchValue?>(StringComparer.Ordinal);
        var seen = new Seen();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var ok =
                reader.ValueTextEquals("hook"u8) ? seen.First(0) && reader.Read() && (hook = Text(ref reader)) is not null
                : reader.ValueTextEquals("hookInstance"u8) ? seen.First(1) && reader.Read() && (instance = Text(ref reader)) is { Length: > 0 }
                : reader.ValueTextEquals("fhirServer"u8) ? seen.First(2) && reader.Read() && Server(ref reader, out server)
                : reader.ValueTextEquals("fhirAuthorization"u8) ? seen.First(3) && reader.Read() && Authorization(ref reader, body, out authorization, out token)
                : reader.ValueTextEquals("context"u8) ? seen.First(4) && reader.Read() && (context = ReadContext(ref reader, body, service)) is not null
                : reader.ValueTextEquals("prefetch"u8) ? seen.First(5) && reader.Read() && Prefetch(ref reader, body, prefetch)
                : reader.ValueTextEquals("extension"u8) ? seen.First(6) && reader.Read() && JsonNameSet.Skip(ref reader, body)
                : false;
            if (!ok)
            {
                return null;
            }
        }

        // cds-r-1, and a token only for a server it may safely be sent to (as CdsRequestReader refuses otherwise).
        if (hook != service.Hook || instance is null || context is not { PatientId: { } patientId, Orders: { } orders }
            || (authorization && (server is null || !Security.PlainHttp.IsSafe(server) || token is null)))
        {
            return null;
        }

        // An order of another patient, and selections that are not all orders read here, are the request reader's to refuse or read.
        if (orders.Any(o => CdsOrders.OfAnotherPatient(o.Order, patientId) is not null))
        {
            return null;
        }

        var drafts = CdsOrders.Drafts(orders, context.Medications);
        var (checkedOrders, problem) = service.Hook == CdsServiceCatalog.OrderSelect.Hook && context.Selections is { } selections
            ? CdsOrders.Selected(selections, drafts, [])
            : (drafts, null);
        return problem is null ? new CdsRequest(hook, instance, server, token, patientId, checkedOrders!, prefetch) : null;
    }

    /// <summary>A string value, or null for any other kind of value (the caller then declines).</summary>
    private static string? Text(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String ? reader.GetString() : null;

    private static bool Server(ref Utf8JsonReader reader, out Uri? server)
    {
        server = null;
        return reader.TokenType == JsonTokenType.Null
            || (Text(ref reader) is { } text && Uri.TryCreate(text, UriKind.Absolute, out server) && server.Scheme is "https" or "http");
    }

    private static bool Authorization(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, out bool given, out string? token)
    {
        (given, token) = (false, null);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string? type = null;
        var names = new JsonNameSet();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var ok = names.Add(ref reader, body) && (
                reader.ValueTextEquals("access_token"u8) ? reader.Read() && (token = Text(ref reader)) is not null
                : reader.ValueTextEquals("token_type"u8) ? reader.Read() && (type = Text(ref reader)) is not null
                : reader.Read() && JsonNameSet.Skip(ref reader, body));
            if (!ok)
            {
                return false;
            }
        }

        given = true;
        return token is { Length: > 0 } && string.Equals(type, "Bearer", StringComparison.OrdinalIgnoreCase);
    }

    private static Context? ReadContext(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, CdsService service)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var context = new Context();
        var names = new JsonNameSet();
        var select = service.Hook == CdsServiceCatalog.OrderSelect.Hook;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var ok = names.Add(ref reader, body) && (
                reader.ValueTextEquals("patientId"u8) ? reader.Read() && (context.PatientId = Text(ref reader)) is { Length: > 0 }
                : reader.ValueTextEquals("draftOrders"u8) ? reader.Read() && DraftOrders(ref reader, body, context)
                : reader.ValueTextEquals("medications"u8) ? reader.Read() && reader.TokenType == JsonTokenType.Null
                : select && reader.ValueTextEquals("selections"u8) ? reader.Read() && Selections(ref reader, context)
                : reader.Read() && JsonNameSet.Skip(ref reader, body));
            if (!ok)
            {
                return null;
            }
        }

        return context;
    }

    private static bool DraftOrders(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, Context context)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        var entries = new List<(string Type, string? FullUrl, Resource Resource)>();
        if (!Bundle(ref reader, body, drafts: true, entries))
        {
            return false;
        }

        context.Orders = [];
        foreach (var (type, fullUrl, resource) in entries)
        {
            switch (resource)
            {
                case MedicationRequest order when type == "MedicationRequest":
                    context.Orders.Add((order, fullUrl, null));
                    break;
                case Medication medication when type == "Medication":
                    context.Medications.Add((medication, fullUrl));
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    private static bool Selections(ref Utf8JsonReader reader, Context context)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        context.Selections = [];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (Text(ref reader) is not { } selection)
            {
                return false;
            }

            context.Selections.Add(selection);
        }

        return true;
    }

    /// <summary>
    /// An R4 Bundle as <see cref="BundleReader"/> reads it, with the resources the caller reads: MedicationRequest and
    /// Medication among draft orders (at most <see cref="CdsOrders.MaxOrders"/> orders; an older medication order declines),
    /// Observation in a search answer; other resources are passed over (their names still checked for repeats).
    /// </summary>
    private static bool Bundle(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, bool drafts, List<(string Type, string? FullUrl, Resource Resource)> into)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string? type = null;
        var seen = new Seen();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = Index(ref reader, BundleNames);
            var ok = index >= 0 && seen.First(index) && (
                reader.ValueTextEquals("resourceType"u8) ? reader.Read() && (type = Text(ref reader)) is not null
                : reader.ValueTextEquals("entry"u8) ? reader.Read() && Entries(ref reader, body, drafts, into)
                : reader.Read() && JsonNameSet.Skip(ref reader, body));
            if (!ok)
            {
                return false;
            }
        }

        return type == "Bundle";
    }

    private static bool Entries(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, bool drafts, List<(string Type, string? FullUrl, Resource Resource)> into)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            string? fullUrl = null;
            (string Type, Resource Resource)? read = null;
            var seen = new Seen();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var index = Index(ref reader, EntryNames);
                var ok = index >= 0 && seen.First(index) && (
                    reader.ValueTextEquals("fullUrl"u8) ? reader.Read() && ((fullUrl = Text(ref reader)) is not null || JsonNameSet.Skip(ref reader, body))
                    : reader.ValueTextEquals("resource"u8) ? reader.Read() && EntryResource(ref reader, body, drafts, into.Count(e => e.Type == "MedicationRequest"), out read)
                    : reader.Read() && JsonNameSet.Skip(ref reader, body));
                if (!ok)
                {
                    return false;
                }
            }

            if (read is { } resource)
            {
                into.Add((resource.Type, fullUrl, resource.Resource));
            }
        }

        return true;
    }

    /// <summary>An entry's resource: read when it is of a type the caller reads, else passed over; false to decline.</summary>
    private static bool EntryResource(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, bool drafts, int orders, out (string Type, Resource Resource)? read)
    {
        read = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (SubsetReader.ResourceType(reader) is not { } type || (drafts && CdsOrders.OlderMedicationOrders.Contains(type)))
        {
            return false;
        }

        var wanted = drafts ? type is "MedicationRequest" or "Medication" : type == "Observation";
        if (!wanted)
        {
            return JsonNameSet.Skip(ref reader, body);
        }

        if (drafts && type == "MedicationRequest" && orders >= CdsOrders.MaxOrders)
        {
            return false;
        }

        if (Resource(ref reader, body, type) is not { } resource)
        {
            return false;
        }

        read = (type, resource);
        return true;
    }

    /// <summary>
    /// The resource whose object the reader is on, as <see cref="FhirJson.Read{T}(ReadOnlySpan{byte})"/> reads its bytes: by the
    /// subset reader in the same pass, else (its names checked for repeats) by Firely from its bytes; null when Firely refuses it.
    /// </summary>
    private static Resource? Resource(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, string type)
    {
        var start = reader;
        if (SubsetReader.Read(ref reader, type) is { } subset)
        {
            return subset;
        }

        reader = start;
        var from = checked((int)reader.TokenStartIndex);
        if (!JsonNameSet.Skip(ref reader, body))
        {
            return null;
        }

        return FhirJson.ReadWithFirely<Resource>(body[from..(checked((int)reader.TokenStartIndex) + 1)]).Resource;
    }

    /// <summary>
    /// The prefetch object: each key of the discovery's templates read as <see cref="PatientDataSource"/> reads it (a search
    /// answer's Observations, or one resource); other keys passed over, as the request reader leaves them unread.
    /// </summary>
    private static bool Prefetch(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, Dictionary<string, PrefetchValue?> prefetch)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var names = new JsonNameSet();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!names.Add(ref reader, body))
            {
                return false;
            }

            var key = reader.GetString()!;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                prefetch[key] = null;
                continue;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            if (!CdsServiceCatalog.Prefetch.ContainsKey(key))
            {
                if (!JsonNameSet.Skip(ref reader, body))
                {
                    return false;
                }

                continue;
            }

            if (ReadPrefetched(ref reader, body) is not { } read)
            {
                return false;
            }

            prefetch[key] = new PrefetchValue(null, read);
        }

        return true;
    }

    private static Prefetched? ReadPrefetched(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
    {
        if (SubsetReader.ResourceType(reader) is not { } type)
        {
            return null;
        }

        if (type == "Bundle")
        {
            var entries = new List<(string Type, string? FullUrl, Resource Resource)>();
            return Bundle(ref reader, body, drafts: false, entries) && entries.TrueForAll(e => e.Resource is Observation)
                ? new Prefetched(new Hl7.Fhir.Model.Bundle { Type = Hl7.Fhir.Model.Bundle.BundleType.Searchset }, [.. entries.Select(e => (Observation)e.Resource)])
                : null;
        }

        return Resource(ref reader, body, type) is { } resource
            ? new Prefetched(resource, resource is Observation single ? [single] : [])
            : null;
    }

    /// <summary>The place of the property name the reader is on in <paramref name="names"/>, or -1.</summary>
    private static int Index(ref Utf8JsonReader reader, byte[][] names)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (reader.ValueTextEquals(names[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
