using System.Security.Cryptography;
using Formulary.Web.Hosting.Compression;

namespace Formulary.Web.Assets;

/// <summary>
/// The stylesheet and scripts, embedded in the assembly and served from memory with a content hash
/// in the URL, so browsers and CDNs may cache them forever (<c>immutable</c>) and the static export
/// writes the very same bytes. Hand-written rather than the static-files middleware because it has
/// to work identically without a web host (export) and without a wwwroot beside the binary (tests).
/// </summary>
internal sealed class SiteAssets
{
    public static SiteAssets Shared { get; } = new();

    private SiteAssets()
    {
        Stylesheet = Load("site.css", "text/css; charset=utf-8");
        SearchScript = Load("search.js", "text/javascript; charset=utf-8");
        SiteScript = Load("site.js", "text/javascript; charset=utf-8");
        Icon = Load("favicon.svg", "image/svg+xml");
        All = [Stylesheet, SearchScript, SiteScript, Icon];
    }

    public SiteAsset Stylesheet { get; }

    /// <summary>Client-side search over <c>/search-index.json</c>, used by the static export only.</summary>
    public SiteAsset SearchScript { get; }

    /// <summary>Suggestions as you type, sections opened by links and for print (served site only; pages work without it).</summary>
    public SiteAsset SiteScript { get; }

    public SiteAsset Icon { get; }

    public IReadOnlyList<SiteAsset> All { get; }

    private static SiteAsset Load(string name, string contentType)
    {
        using var stream = typeof(SiteAssets).Assembly.GetManifestResourceStream($"Formulary.Web.Assets.{name}")
            ?? throw new InvalidOperationException($"Embedded asset {name} is missing from the build.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];
        var dot = name.LastIndexOf('.');
        return new SiteAsset($"/assets/{name[..dot]}.{hash}{name[dot..]}", EncodedBody.Create(bytes, contentType));
    }
}
