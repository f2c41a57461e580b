namespace Formulary.Web.Hosting.Compression;

/// <summary>The content codings this site sends (RFC 9110 §8.4.1), in the server's order of preference at equal quality.</summary>
internal enum ContentCoding
{
    Brotli,
    Gzip,
    Identity,
}
