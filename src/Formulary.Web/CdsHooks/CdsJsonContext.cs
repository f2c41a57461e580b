using System.Text.Json;
using System.Text.Json.Serialization;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// Serialization code generated at build time for the answer of a service call (<see cref="CdsJson.Options"/> uses it
/// first): the same JSON as the reflection-based serializer, without its per-call metadata walk.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CdsResponse))]
internal sealed partial class CdsJsonContext : JsonSerializerContext;
