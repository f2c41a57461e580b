using System.Text.Json;
using System.Text.Json.Serialization;
using Formulary.Monographs.Diagnostics;
using Formulary.Storage.Importing;

namespace Formulary.Cli.Output;

/// <summary>
/// Serialization code generated at build time for the report a whole-corpus command writes with <c>--json</c>: the
/// same bytes as <see cref="CliJson.Options"/> (camelCase, enums as camelCase strings, indented), written straight to a
/// <see cref="Utf8JsonWriter"/> by generated code (the source generator's fast path) instead of the reflection-based
/// serializer, which built its metadata and compiled ~500 methods in each short-lived process (an unchanged
/// 100,000-document import spent about an eighth of its CPU writing its 24 MB report that way). The fast path takes no
/// custom converters, so enums are written as the strings <see cref="EnumName{T}"/> gives.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(ImportJson))]
internal sealed partial class CliJsonContext : JsonSerializerContext;

/// <summary><c>formulary import --json</c>: the counts, then one entry per document.</summary>
internal sealed record ImportJson(
    string Database,
    string ContentRoot,
    int Files,
    int Parsed,
    int Read,
    int Added,
    int Changed,
    int Unchanged,
    int Reparsed,
    int Removed,
    int Failed,
    int Rejected,
    bool Waited,
    long Generation,
    string? PruneRefused,
    int Errors,
    int Warnings,
    IReadOnlyList<ImportJson.Document> Documents,
    IReadOnlyList<ImportJson.Finding> LooseDiagnostics)
{
    /// <summary>An <see cref="ImportedDocument"/> as the report shows it.</summary>
    internal sealed record Document(string Collection, string Slug, string SourcePath, string Outcome, int? Version, string? FailureReason, IReadOnlyList<Finding> Diagnostics)
    {
        public static Document From(ImportedDocument d) => new(
            EnumName<Monographs.Collection>.Of(d.Collection), d.Slug, d.SourcePath, EnumName<ImportOutcome>.Of(d.Outcome), d.Version, d.FailureReason, Finding.From(d.Diagnostics));
    }

    /// <summary>A <see cref="Diagnostic"/> as the report shows it.</summary>
    internal sealed record Finding(string Code, string Severity, string File, int Line, int Column, string Message, IReadOnlyList<RelatedLocation> Related)
    {
        public static IReadOnlyList<Finding> From(IReadOnlyList<Diagnostic> diagnostics) =>
            diagnostics.Count == 0 ? [] : [.. diagnostics.Select(d => new Finding(d.Code, EnumName<DiagnosticSeverity>.Of(d.Severity), d.File, d.Line, d.Column, d.Message, d.Related))];
    }
}

/// <summary>An enum value's name as <see cref="CliJson.Options"/> writes it (camelCase); each name worked out once.</summary>
internal static class EnumName<T>
    where T : struct, Enum
{
    private static readonly Dictionary<T, string> Names =
        Enum.GetValues<T>().Distinct().ToDictionary(v => v, v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()));

    public static string Of(T value) => Names.TryGetValue(value, out var name) ? name : JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
