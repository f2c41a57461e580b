using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Formulary.Web.Pages;

/// <summary>
/// The site's public base URL: <see cref="FormularyWebOptions.PublicBaseUrl"/> when given, else the
/// first address the server listens on. Never the request's Host header, which a client controls:
/// canonical links and cached pages must not change with it.
/// </summary>
internal sealed class SiteContextProvider(FormularyWebOptions options, IServer server)
{
    private SiteContext? current;

    public SiteContext Current => current ??= new SiteContext(Resolve(), IsStatic: false);

    private string Resolve()
    {
        if (options.PublicBaseUrl is { Length: > 0 } configured)
        {
            return configured.TrimEnd('/');
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
        return address.TrimEnd('/');
    }
}
