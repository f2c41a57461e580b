namespace Formulary.Web;

/// <summary>How a Formulary site is started: where it listens, where its data lives, how it logs.</summary>
public sealed record FormularyWebOptions
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Kestrel URLs; <c>http://127.0.0.1:0</c> picks a free port (tests).</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>
    /// The address readers use (<c>https://formulary.example.org</c>), for canonical links, the sitemap
    /// and JSON-LD; when null, the first address the server listens on.
    /// </summary>
    public string? PublicBaseUrl { get; init; }

    /// <summary>PEM certificate served for <c>https://</c> URLs (with <see cref="CertificateKeyPath"/>, or a key inside the same file).</summary>
    public string? CertificatePath { get; init; }

    /// <summary>PEM private key of <see cref="CertificatePath"/>.</summary>
    public string? CertificateKeyPath { get; init; }

    /// <summary>Reverse proxies (addresses or CIDR networks) whose X-Forwarded-For/-Proto headers are believed; none by default.</summary>
    public IReadOnlyList<string> TrustedProxies { get; init; } = [];

    /// <summary>Most bytes the rendered-page and search-result cache may hold (64 MiB); least recently used entries go first.</summary>
    public long CacheBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// The console log: readable lines when a person watches a terminal, JSON lines when the output goes to a
    /// file, a pipe or a log collector (<c>serve --json</c> asks for JSON on a terminal too); none in tests.
    /// </summary>
    public ConsoleLogFormat ConsoleLogs { get; init; } = Console.IsOutputRedirected ? ConsoleLogFormat.Json : ConsoleLogFormat.Readable;

    /// <summary>
    /// The database time one search may use; null: <c>SearchLimits.TimeBudget</c> (150 ms). The web tests give
    /// a long one, so that a loaded test machine does not turn a behaviour test into a timing test.
    /// </summary>
    public TimeSpan? SearchBudget { get; init; }

    /// <summary>
    /// Build the node's in-process search index after start (ADR 0003); on by default. The shared web-test site turns
    /// it off, so that its searches are always answered the same way (by the store's SQL), never by whichever of the
    /// two is ready at that moment; the index's own answers are tested against SQL's in the storage tests.
    /// </summary>
    public bool SearchIndex { get; init; } = true;

    /// <summary>EHRs whose JWTs the CDS Hooks endpoints accept (<c>--cds-trust ISSUER=JWKS</c>); none by default.</summary>
    public IReadOnlyList<CdsHooks.Security.CdsTrustedIssuer> CdsTrust { get; init; } = [];

    /// <summary>Answer CDS Hooks calls without verifying JWTs (development only; off by default, announced in a header and the log).</summary>
    public bool CdsInsecureDev { get; init; }

    /// <summary>Minimum level for the application's own categories.</summary>
    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Information;
}
