using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Formulary.Storage;
using Formulary.Storage.Sqlite;

namespace Formulary.Web.Tests.Hosting;

/// <summary>
/// Issue 12.9: <c>--urls https://…</c> with a PEM certificate and key, HSTS over HTTPS only, and
/// X-Forwarded-Proto believed only from configured proxies. Real Kestrel on loopback, real TLS.
/// </summary>
public sealed class TransportSecurityTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("formulary-tls-").FullName;

    [Fact]
    public async Task HttpsUrl_PemCertificateAndKey_ServesTlsWithHsts()
    {
        var (certificate, key) = WritePem();
        await using var app = await StartAsync(new FormularyWebOptions { Urls = "https://127.0.0.1:0", CertificatePath = certificate, CertificateKeyPath = key });
        using var client = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, cert, _, _) => cert?.Subject == "CN=formulary.test" },
        });

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(app.Urls.Single()), "/robots.txt"));
        request.Headers.Host = "formulary.test";
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task UnreadableCertificate_Start_StartupExceptionNamingTheFile()
    {
        var missing = Path.Combine(folder, "missing.pem");

        var error = await Assert.ThrowsAsync<Formulary.Web.Hosting.StartupException>(() =>
            StartAsync(new FormularyWebOptions { Urls = "https://127.0.0.1:0", CertificatePath = missing }));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "10.9.8.7" }, false)]
    [InlineData(new[] { "127.0.0.1" }, true)]
    [InlineData(new[] { "127.0.0.0/8" }, true)]
    public async Task ForwardedProto_BelievedOnlyFromConfiguredProxies(string[] proxies, bool believed)
    {
        await using var app = await StartAsync(new FormularyWebOptions { Urls = "http://127.0.0.1:0", TrustedProxies = proxies });
        using var client = new HttpClient();

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(app.Urls.Single()), "/robots.txt"));
        request.Headers.Host = "formulary.test";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(believed, response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public void TrustedProxy_NotAnAddress_StartupException()
    {
        Assert.Throws<Formulary.Web.Hosting.StartupException>(() =>
            FormularyWebApp.Create(new FormularyWebOptions { TrustedProxies = ["proxy.example"], ConsoleLogs = ConsoleLogFormat.None }));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private async Task<WebApplication> StartAsync(FormularyWebOptions options)
    {
        var store = SqliteMonographStore.Open(Path.Combine(folder, Guid.NewGuid().ToString("N") + ".db"), TimeProvider.System);
        var app = FormularyWebApp.Create(options with { ConsoleLogs = ConsoleLogFormat.None, MinimumLogLevel = LogLevel.Warning },
            services => services.AddSingleton<IMonographStore>(store));
        await app.StartAsync();
        return app;
    }

    private (string Certificate, string Key) WritePem()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=formulary.test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("formulary.test");
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var certificatePath = Path.Combine(folder, "cert.pem");
        var keyPath = Path.Combine(folder, "key.pem");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, rsa.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }
}
