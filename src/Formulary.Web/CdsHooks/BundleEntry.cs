using System.Text.Json;

namespace Formulary.Web.CdsHooks;

/// <summary>One entry of a Bundle in a request, its resource not yet parsed: where it is (for error messages), its <c>fullUrl</c> and its type.</summary>
internal sealed record BundleEntry(string Path, string? FullUrl, string ResourceType, JsonElement Resource);
