using Microsoft.AspNetCore.ResponseCompression;

namespace Formulary.Web.Hosting.Compression;

/// <summary>
/// The media types worth compressing: every text format this site sends. ASP.NET's defaults (HTML, CSS,
/// JavaScript, JSON, XML, plain text) plus the structured-suffix types it leaves out: problem details,
/// FHIR resources, Atom, SVG. Both the compression middleware and the precompressed pages read this list.
/// </summary>
internal static class CompressibleTypes
{
    public static IReadOnlyList<string> All { get; } =
    [
        .. ResponseCompressionDefaults.MimeTypes,
        "application/problem+json",
        "application/fhir+json",
        "application/atom+xml",
        "image/svg+xml",
    ];

    private static readonly HashSet<string> Lookup = new(All, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a response of <paramref name="contentType"/> (parameters such as charset allowed) is compressed.</summary>
    public static bool Contains(string contentType)
    {
        var separator = contentType.IndexOf(';', StringComparison.Ordinal);
        return Lookup.Contains((separator < 0 ? contentType : contentType[..separator]).Trim());
    }
}
