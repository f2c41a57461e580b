using System.Text.Json;
using System.Text.Json.Serialization;
using Formulary.Monographs.Model;
using Formulary.Storage.Listing;
using Formulary.Storage.Search;

namespace Formulary.Storage;

/// <summary>
/// Serialization code generated at build time for what the store keeps as JSON (<see cref="ModelJson.Options"/> uses it
/// first): the same JSON as the reflection-based serializer, without its metadata walk in each short-lived process
/// (reading 100,000 documents' links was a quarter of loading the store's state).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Monograph))]
[JsonSerializable(typeof(MonographSummary))]
[JsonSerializable(typeof(List<MonographLink>))]
[JsonSerializable(typeof(IReadOnlyList<MonographLink>))]
[JsonSerializable(typeof(SearchSegment[]))]
[JsonSerializable(typeof(Versions.StoredSections))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;
