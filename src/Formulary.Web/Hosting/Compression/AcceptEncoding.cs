using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Formulary.Web.Hosting.Compression;

/// <summary>
/// Chooses the content coding of a response from the request's <c>Accept-Encoding</c> (RFC 9110 §12.5.3):
/// each coding's quality is its own entry's, else the <c>*</c> entry's, else 0; <c>q=0</c> refuses, whatever
/// else the header says. The best quality wins; at equal quality Brotli, then gzip, then identity. Identity
/// not listed is acceptable (unless <c>*;q=0</c>) but the least preferred, so <c>gzip;q=0.5</c> means gzip. When everything is refused the answer is identity anyway (the RFC's
/// "SHOULD send a response without any content coding"; a 406 would leave the reader with nothing).
/// The one negotiation of the site: precompressed pages and the compression middleware both use it.
/// </summary>
/// <remarks>
/// Written here rather than taken from ASP.NET's <c>ResponseCompressionProvider</c>, whose negotiation lets a
/// <c>*</c> entry override an explicit refusal (<c>br;q=0, *</c> chose Brotli).
/// </remarks>
internal static class AcceptEncoding
{
    public static ContentCoding Negotiate(StringValues header)
    {
        // No header: the client states no preference; identity is what every client can read.
        if (StringValues.IsNullOrEmpty(header) || !StringWithQualityHeaderValue.TryParseList(header, out var entries))
        {
            return ContentCoding.Identity;
        }

        double? brotli = null, gzip = null, identity = null, any = null;
        foreach (var entry in entries)
        {
            var quality = entry.Quality ?? 1;
            var name = entry.Value;
            if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                brotli = Lowest(brotli, quality);
            }
            else if (name.Equals("gzip", StringComparison.OrdinalIgnoreCase) || name.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
            {
                gzip = Lowest(gzip, quality);
            }
            else if (name.Equals("identity", StringComparison.OrdinalIgnoreCase))
            {
                identity = Lowest(identity, quality);
            }
            else if (name.Equals("*", StringComparison.Ordinal))
            {
                any = Lowest(any, quality);
            }
        }

        var best = (Coding: ContentCoding.Identity, Quality: identity ?? double.Epsilon);
        foreach (var (coding, quality) in new[] { (ContentCoding.Gzip, gzip ?? any ?? 0), (ContentCoding.Brotli, brotli ?? any ?? 0) })
        {
            if (quality > 0 && quality >= best.Quality)
            {
                best = (coding, quality);
            }
        }

        return best.Coding;
    }

    /// <summary>A coding listed twice is taken at its lower quality, so a refusal is never overridden.</summary>
    private static double Lowest(double? held, double quality) => held is { } h ? Math.Min(h, quality) : quality;

    public static string? Token(this ContentCoding coding) => coding switch
    {
        ContentCoding.Brotli => "br",
        ContentCoding.Gzip => "gzip",
        _ => null,
    };
}
