using Formulary.Web.Hosting.Compression;

namespace Formulary.Web.Assets;

/// <summary>One static file, held in memory (with its compressed encodings), addressed by a URL that changes whenever its bytes do.</summary>
internal sealed record SiteAsset(string Url, EncodedBody Body)
{
    public string ContentType => Body.ContentType;

    public ReadOnlyMemory<byte> Content => Body.Identity;
}
