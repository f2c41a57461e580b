using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Parsing;

namespace Formulary.Monographs.Tests.Parsing;

/// <summary>CommonMark ends a line at LF, CRLF or a lone CR; the front-matter split and every position do the same.</summary>
public sealed class LineEndingTests
{
    private const string Sample = "---\ntitle: Ends\nauthor: x\n---\n## Usage\n\nText <b>bold</b>.\n\n## Dosage\n\n500 mg.\n";

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Sample_OtherLineEndings_SameSectionsAndSpansAsLf(string ending)
    {
        var lf = Parse.Text(Sample);
        var other = Parse.Text(Sample.Replace("\n", ending, StringComparison.Ordinal));
        Assert.Equal("Ends", other.Title);
        Assert.Equal(lf.Sections.Select(s => (s.Key, s.Line)), other.Sections.Select(s => (s.Key, s.Line)));
        Assert.Equal(lf.Diagnostics.Select(d => (d.Code, d.Line, d.Column)), other.Diagnostics.Select(d => (d.Code, d.Line, d.Column)));
        Assert.Equal([(3, 1)], other.Spans(DiagnosticCodes.UnknownFrontMatterKey));
        Assert.Equal([(7, 6), (7, 13)], other.Spans(DiagnosticCodes.InlineHtml));
    }

    [Fact]
    public void Seed_CarriageReturnsOnly_ReadsAsTheSeed()
    {
        var seed = Parse.Seed();
        var bytes = File.ReadAllBytes(RepoPaths.Seed).Select(b => b == (byte)'\n' ? (byte)'\r' : b).ToArray();
        var cr = MonographParser.Default.Parse(Collection.Composition, RepoPaths.Seed, bytes);
        Assert.Equal(seed.Title, cr.Title);
        Assert.Equal(seed.Sections.Select(s => (s.Key, s.Line)), cr.Sections.Select(s => (s.Key, s.Line)));
        Assert.Equal(seed.Faqs.Count, cr.Faqs.Count);
        Assert.Equal(seed.Diagnostics.Select(d => (d.Code, d.Line, d.Column)), cr.Diagnostics.Select(d => (d.Code, d.Line, d.Column)));
    }

    [Fact]
    public void InvalidUtf8_AfterCarriageReturns_Mono003OnItsLine()
    {
        byte[] bytes = [.. "---\rtitle: Caf"u8, 0xE9, .. "\r---\rBody.\r"u8];
        var monograph = MonographParser.Default.Parse(Collection.Composition, "cr.md", bytes);
        Assert.Equal([(2, 11)], monograph.Spans(DiagnosticCodes.InvalidUtf8));
    }
}
