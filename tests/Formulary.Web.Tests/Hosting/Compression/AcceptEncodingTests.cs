using Formulary.Web.Hosting.Compression;

namespace Formulary.Web.Tests.Hosting.Compression;

public sealed class AcceptEncodingTests
{
    [Theory]
    [InlineData(null, "Identity")]
    [InlineData("", "Identity")]
    [InlineData("gzip", "Gzip")]
    [InlineData("x-gzip", "Gzip")]
    [InlineData("br", "Brotli")]
    [InlineData("gzip, deflate, br, zstd", "Brotli")]
    [InlineData("GZIP;Q=1, BR;Q=0.5", "Gzip")]
    [InlineData("br;q=0.8, gzip;q=0.9", "Gzip")]
    [InlineData("*", "Brotli")]
    [InlineData("deflate, zstd", "Identity")]
    [InlineData("identity", "Identity")]
    // q=0 refuses, whatever else is listed, before or after it.
    [InlineData("br;q=0, *", "Gzip")]
    [InlineData("*, br;q=0", "Gzip")]
    [InlineData("br;q=0, gzip;q=0", "Identity")]
    [InlineData("*;q=0, gzip", "Gzip")]
    [InlineData("br, br;q=0", "Identity")]
    [InlineData("gzip;q=0.000", "Identity")]
    // Identity is acceptable unless refused, and wins when the client prefers it.
    [InlineData("gzip;q=0.5, identity", "Identity")]
    [InlineData("gzip;q=0.5, identity;q=0.4", "Gzip")]
    [InlineData("gzip;q=0.5, *;q=0.7", "Brotli")]
    // Everything refused: identity anyway (RFC 9110 §12.5.3), never a coding the client refused.
    [InlineData("identity;q=0, *;q=0", "Identity")]
    [InlineData("identity;q=0", "Identity")]
    // A header that does not parse states no preference.
    [InlineData("br;q=x", "Identity")]
    public void Negotiate_Header_ChoosesCoding(string? header, string expected) =>
        Assert.Equal(expected, AcceptEncoding.Negotiate(header).ToString());
}
