using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Model;

namespace Formulary.Storage;

/// <summary>
/// How models are stored as JSON: the web defaults (camelCase), enums by name, and only what JSON itself requires escaped
/// (<see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>). The generated code of <see cref="ModelJsonContext"/> serves
/// the types it covers; reflection serves the rest, to the same JSON.
/// </summary>
/// <remarks>
/// The store's JSON is read back by the store alone, never put in a page or a script, so it is not escaped for HTML. The
/// default escaping wrote every <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, quote, apostrophe, <c>+</c> and non-ASCII letter
/// as <c>\uXXXX</c>: the rendered sections' HTML grew 1.7-fold in the JSON (BENCHMARKS.md, session 23). Values stored
/// before read the same (JSON is JSON).
/// </remarks>
internal static class ModelJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = JsonTypeInfoResolver.Combine(ModelJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };

    /// <summary>
    /// Reads a stored model for a page whose sections were rendered at import (<see cref="Versions.LiveMonograph"/>): the
    /// same JSON, but what such a page never shows is stepped over, not built — the body, the diagnostics, and each
    /// section's Markdown, original heading and subsections (they are in the rendered sections) — so they are empty.
    /// Half the model's bytes, and most of its objects, are the sections' text repeated at every level.
    /// </summary>
    public static JsonSerializerOptions PageOptions { get; } = new(Options)
    {
        TypeInfoResolver = Options.TypeInfoResolver!.WithAddedModifier(SkipWhatPagesDoNotShow),
    };

    private static void SkipWhatPagesDoNotShow(JsonTypeInfo type)
    {
        if (type.Type == typeof(Monograph))
        {
            Skip(type, "body", string.Empty);
            Skip<IReadOnlyList<Diagnostic>>(type, "diagnostics", []);
        }
        else if (type.Type == typeof(Section))
        {
            Skip(type, "markdown", string.Empty);
            Skip(type, "originalHeading", string.Empty);
            Skip<IReadOnlyList<Section>>(type, "children", []);
        }
    }

    private static void Skip<T>(JsonTypeInfo type, string name, T empty)
    {
        var property = type.Properties.Single(p => p.Name == name);
        property.CustomConverter = new Skipped<T>(empty);
    }

    /// <summary>Steps over a value and gives <paramref name="empty"/> instead; read-only.</summary>
    private sealed class Skipped<T>(T empty) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            reader.Skip();
            return empty;
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            throw new NotSupportedException("page options only read models");
    }
}
