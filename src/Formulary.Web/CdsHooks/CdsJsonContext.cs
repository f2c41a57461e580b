using System.Text.Json;
using System.Text.Json.Serialization;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// Serialization code generated at build time for the answer of a service call (<see cref="CdsAnswer"/> writes with it):
/// the same JSON as <see cref="CdsJson.Options"/> give, without the serializer's per-call metadata walk.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CdsResponse))]
internal sealed partial class CdsJsonContext : JsonSerializerContext;
