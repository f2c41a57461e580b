using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.HttpOverrides;

namespace Formulary.Web.Hosting;

/// <summary>
/// HTTPS and reverse proxies. <c>--urls https://…</c> serves TLS with the PEM certificate and key
/// named in <see cref="FormularyWebOptions"/> (or Kestrel's own configuration,
/// <c>Kestrel:Certificates:Default:Path</c>/<c>KeyPath</c>). <c>X-Forwarded-For</c>/<c>-Proto</c> are
/// believed only from the proxies configured; with none, from no one (not even loopback). Kestrel's connection buffers
/// come from <see cref="TransportBufferPool"/>.
/// </summary>
internal static class TransportSecurity
{
    public static void ConfigureTransport(this WebApplicationBuilder builder, FormularyWebOptions options)
    {
        // The slim builder leaves HTTPS endpoint configuration out; without it https:// URLs fail to bind.
        builder.WebHost.UseKestrelHttpsConfiguration();
        if (options.CertificatePath is { Length: > 0 } certificatePath)
        {
            var certificate = LoadCertificate(certificatePath, options.CertificateKeyPath);
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));
        }

        // Kestrel's buffers in 16 KB blocks: a CDS Hooks call read in one receive, not one per 4 KB (TransportBufferPool).
        builder.Services.AddSingleton<IMemoryPoolFactory<byte>, TransportBufferPoolFactory>();

        var proxies = ParseProxies(options.TrustedProxies);
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var network in proxies)
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        });
    }

    /// <summary>Forwarded headers first (so the scheme is right for everything after), only when proxies are configured.</summary>
    public static void UseTransport(this WebApplication app, FormularyWebOptions options)
    {
        if (options.TrustedProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }
    }

    private static X509Certificate2 LoadCertificate(string certificatePath, string? keyPath)
    {
        try
        {
            return X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new StartupException($"the TLS certificate '{certificatePath}'{(keyPath is null ? string.Empty : $" with key '{keyPath}'")} could not be read: {e.Message}", e);
        }
    }

    private static List<System.Net.IPNetwork> ParseProxies(IReadOnlyList<string> proxies)
    {
        var networks = new List<System.Net.IPNetwork>();
        foreach (var proxy in proxies)
        {
            if (System.Net.IPNetwork.TryParse(proxy, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(proxy, out var address))
            {
                networks.Add(new System.Net.IPNetwork(address, address.GetAddressBytes().Length * 8));
            }
            else
            {
                throw new StartupException($"trusted proxy '{proxy}' is not an IP address or network (such as 10.0.0.5 or 10.0.0.0/24)");
            }
        }

        return networks;
    }
}
