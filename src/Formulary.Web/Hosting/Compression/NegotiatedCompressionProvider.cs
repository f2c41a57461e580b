using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace Formulary.Web.Hosting.Compression;

/// <summary>
/// ASP.NET's compression provider (media types, HTTPS rule, <c>Vary</c>) with the site's own choice of
/// coding (<see cref="AcceptEncoding"/>), so a dynamic response and a precompressed page negotiate alike.
/// </summary>
internal sealed class NegotiatedCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : ResponseCompressionProvider(services, options), IResponseCompressionProvider
{
    /// <summary>
    /// Every request goes through the compression body, also one without <c>Accept-Encoding</c>: that is where
    /// <c>Vary: Accept-Encoding</c> is added, and a cache must learn from the identity answer too that it varies.
    /// </summary>
    bool IResponseCompressionProvider.CheckRequestAcceptsCompression(HttpContext context) => true;

    private readonly ICompressionProvider[] providers = [.. options.Value.Providers.OfType<ICompressionProvider>()];

    public override ICompressionProvider? GetCompressionProvider(HttpContext context)
    {
        var token = AcceptEncoding.Negotiate(context.Request.Headers.AcceptEncoding).Token();
        return token is null ? null : Array.Find(providers, p => string.Equals(p.EncodingName, token, StringComparison.Ordinal));
    }
}
