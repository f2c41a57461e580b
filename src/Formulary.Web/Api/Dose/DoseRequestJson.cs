using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Formulary.Clinical.Patients;
using Formulary.Web.Problems;

namespace Formulary.Web.Api.Dose;

/// <summary>
/// Reads a dose request body strictly. A property the API does not know (a misspelling such as
/// <c>pregnancy</c> for <c>pregnant</c>) is refused by name, never ignored (a property given twice never reaches
/// here: <see cref="JsonBody.ReadAsync"/> refuses it by path); a value of the wrong type (a number sent as a string, an unknown word) is refused
/// naming the property and what it takes. Names are case-sensitive.
/// </summary>
internal static class DoseRequestJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static readonly JsonTypeInfo Body = Options.GetTypeInfo(typeof(DoseRequestBody));

    private static readonly IReadOnlyDictionary<string, JsonPropertyInfo> Properties =
        Body.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);

    /// <summary>The problem to answer with (kind, detail, the property at fault), or the body when it can be read.</summary>
    public static (DoseRequestBody? Body, RequestProblem? Problem) Read(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            return (null, new(RequestProblemKind.Malformed, null, $"The body must be a JSON object, not {json.ValueKind.ToString().ToLowerInvariant()}."));
        }

        foreach (var property in json.EnumerateObject())
        {
            if (!Properties.ContainsKey(property.Name))
            {
                return (null, new(RequestProblemKind.UnknownProperty, property.Name, $"'{property.Name}' is not a property of a dose request{Suggest(property.Name)}. Known properties: {string.Join(", ", Properties.Keys)}."));
            }
        }

        try
        {
            return (json.Deserialize<DoseRequestBody>(Options), null);
        }
        catch (JsonException exception)
        {
            var name = exception.Path is { Length: > 2 } path ? path[2..].Split('.', '[')[0] : null;
            var expected = name is not null && Properties.TryGetValue(name, out var info) ? Expected(info.PropertyType) : "a value of the documented type";
            return (null, new(RequestProblemKind.Malformed, name, name is null ? "The body could not be read as a dose request." : $"'{name}' must be {expected}."));
        }
    }

    /// <summary>The JSON property a field was (or would be) given with in <paramref name="body"/>.</summary>
    public static string PropertyFor(PatientField field, DoseRequestBody body) => field switch
    {
        PatientField.Age => "ageYears",
        PatientField.Sex => "sex",
        PatientField.Weight => body.WeightLb is not null && body.WeightKg is null ? "weightLb" : "weightKg",
        PatientField.WeightDate => "weightMeasuredOn",
        PatientField.Height => body.HeightIn is not null && body.HeightCm is null ? "heightIn" : "heightCm",
        PatientField.HeightDate => "heightMeasuredOn",
        PatientField.Creatinine => body.ScrUmolL is not null && body.ScrMgDl is null ? "scrUmolL" : "scrMgDl",
        PatientField.CreatinineDate => "scrMeasuredOn",
        PatientField.CreatinineUpperLimit => body.ScrUlnUmolL is not null && body.ScrUlnMgDl is null ? "scrUlnUmolL" : "scrUlnMgDl",
        PatientField.Hepatic => "hepatic",
        PatientField.Pregnancy => "pregnant",
        PatientField.Breastfeeding => "breastfeeding",
        PatientField.Hypersensitivity => "hypersensitivity",
        PatientField.PriorToxicity => "priorToxicity",
        PatientField.FinalCycle => "finalCycle",
        PatientField.Medications => "medications",
        PatientField.StartDate => "startDate",
        PatientField.BsaFormula => "bsaFormula",
        PatientField.BsaCap => "bsaCap",
        PatientField.RoundingIncrement => "doseRoundingMg",
        PatientField.RoundingWarningPercent => "roundingWarnPercent",
        _ => JsonNamingPolicy.CamelCase.ConvertName(field.ToString()),
    };

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            NumberHandling = JsonNumberHandling.Strict,
            PropertyNameCaseInsensitive = false,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static string Suggest(string name)
    {
        var near = Properties.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
            ?? Properties.Keys.FirstOrDefault(k => k.Length >= 5 && name.Length >= 5 && string.Equals(k[..5], name[..5], StringComparison.OrdinalIgnoreCase));
        return near is null ? string.Empty : $" (did you mean '{near}'?)";
    }

    private static string Expected(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsEnum)
        {
            var names = Enum.GetValues(t).Cast<Enum>().Select(v => JsonSerializer.Serialize(v, t, Options));
            return "one of " + string.Join(", ", names);
        }

        return t switch
        {
            _ when t == typeof(decimal) => "a JSON number with a '.' for decimals (not a string, and within ±7.9e28)",
            _ when t == typeof(bool) => "true or false",
            _ when t == typeof(DateOnly) => "a date string \"YYYY-MM-DD\" naming a day that exists (not 2026-02-30)",
            _ when t == typeof(string) => "a string",
            _ => "an array of strings",
        };
    }
}
