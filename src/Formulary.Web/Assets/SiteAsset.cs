namespace Formulary.Web.Assets;

/// <summary>One static file, held in memory, addressed by a URL that changes whenever its bytes do.</summary>
internal sealed record SiteAsset(string Url, string ContentType, ReadOnlyMemory<byte> Content);
