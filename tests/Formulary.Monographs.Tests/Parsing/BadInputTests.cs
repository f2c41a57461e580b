using System.Text;
using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Model;
using Formulary.Monographs.Parsing;

namespace Formulary.Monographs.Tests.Parsing;

/// <summary>Hostile and broken input: always a diagnostic, never an exception or a hang. Big inputs are generated here, not committed.</summary>
public sealed class BadInputTests
{
    private static Monograph Bytes(byte[] bytes) => MonographParser.Default.Parse(Collection.Composition, "bad.md", bytes);

    [Fact]
    public void BinaryFile_PngHeader_Mono002AtFirstNul()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
        var monograph = Bytes(png);
        Assert.Equal([(3, 1)], monograph.Spans(DiagnosticCodes.BinaryFile));
        Assert.Empty(monograph.Sections);
    }

    [Fact]
    public void InvalidUtf8_Latin1Byte_Mono003AtByteAndRestRead()
    {
        var bytes = Encoding.UTF8.GetBytes("---\ntitle: Caf").Concat(new byte[] { 0xE9 }).Concat(Encoding.UTF8.GetBytes("\n---\n## Usage\n\nText.\n")).ToArray();
        var monograph = Bytes(bytes);
        Assert.Equal([(2, 11)], monograph.Spans(DiagnosticCodes.InvalidUtf8));
        Assert.Equal("Caf\uFFFD", monograph.Title);
        Assert.Equal("usage", Assert.Single(monograph.Sections).Key);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\n\t\n")]
    public void EmptyFile_Mono004AtFileStart(string text)
    {
        Assert.Equal([(1, 1)], Bytes(Encoding.UTF8.GetBytes(text)).Spans(DiagnosticCodes.EmptyFile));
    }

    [Fact]
    public void Utf8Bom_Skipped_TitleRead()
    {
        var monograph = Bytes([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("---\ntitle: Bom\n---\nBody.\n")]);
        Assert.Equal("Bom", monograph.Title);
        Assert.False(monograph.Has(DiagnosticCodes.NoFrontMatter));
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(2, true)]
    [InlineData(4, false)]
    public void WideEncoding_ByteOrderMark_Mono009NotBinary(int width, bool bigEndian)
    {
        Encoding encoding = width == 2 ? new UnicodeEncoding(bigEndian, byteOrderMark: true) : new UTF32Encoding(bigEndian, byteOrderMark: true);
        var bom = encoding.GetPreamble();
        var text = encoding.GetBytes("---\ntitle: Wide\n---\nBody.\n");
        var monograph = Bytes([.. bom, .. text]);
        Assert.Equal([(1, 1)], monograph.Spans(DiagnosticCodes.NotUtf8Encoding));
        Assert.False(monograph.Has(DiagnosticCodes.BinaryFile));
    }

    [Fact]
    public void FiftyMegabytes_InMemory_Mono001WithoutParsing()
    {
        var bytes = new byte[50 * 1024 * 1024];
        Array.Fill(bytes, (byte)'a');
        var monograph = Bytes(bytes);
        Assert.Equal([(1, 1)], monograph.Spans(DiagnosticCodes.FileTooLarge));
        Assert.Single(monograph.Diagnostics);
        Assert.Equal(64, monograph.ContentHash.Length);
    }

    [Fact]
    public void JustOverLimit_Refused_JustUnderAccepted()
    {
        var parser = new MonographParserBuilder().WithLimits(new ParserLimits { MaxBytes = 100 }).Build();
        var under = Encoding.UTF8.GetBytes("---\ntitle: X\n---\n" + new string('a', 100 - 17));
        Assert.Equal(100, under.Length);
        Assert.False(parser.Parse(Collection.Composition, "x.md", under).Has(DiagnosticCodes.FileTooLarge));
        Assert.True(parser.Parse(Collection.Composition, "x.md", [.. under, (byte)'a']).Has(DiagnosticCodes.FileTooLarge));
    }

    [Fact]
    public void YamlAliasBomb_Mono013AtAliasThatCrossesLimit()
    {
        var yaml = new StringBuilder("---\ntitle: X\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var c = 'b'; c <= 'i'; c++)
        {
            var previous = (char)(c - 1);
            yaml.Append(c).Append(": &").Append(c).Append(" [").Append(string.Join(",", Enumerable.Repeat("*" + previous, 9))).Append("]\n");
        }

        var monograph = Parse.Text(yaml.Append("---\nBody.\n").ToString());
        Assert.Equal([(7, 11)], monograph.Spans(DiagnosticCodes.YamlTooComplex));
    }

    [Fact]
    public void YamlAliasText_LongStringAliasedManyTimes_Mono013AtAliasThatCrossesLimit()
    {
        // 10,000 characters aliased 400 times stays far under the node limit; the 105th alias passes 1 MiB of text.
        var yaml = new StringBuilder("---\ntitle: X\ndescription: &s \"").Append('w', 10_000).Append("\"\nfaqs:\n");
        for (var i = 0; i < 200; i++)
        {
            yaml.Append("  - {q: *s, a: *s}\n");
        }

        var monograph = Parse.Text(yaml.Append("---\nBody.\n").ToString());
        Assert.Equal([(57, 9)], monograph.Spans(DiagnosticCodes.YamlTooComplex));
        Assert.Empty(monograph.Faqs);
    }

    [Fact]
    public void YamlAliasText_UnderLimit_Read()
    {
        var monograph = Parse.Text("---\ntitle: &t Name\ndescription: *t\n---\nBody.\n");
        Assert.False(monograph.Has(DiagnosticCodes.YamlTooComplex));
        Assert.Equal("Name", monograph.FrontMatter.Description);
    }

    [Fact]
    public void YamlDeepNesting_Mono013AtTheLevelOverLimit()
    {
        var monograph = Parse.Text("---\ntitle: X\nx: " + new string('[', 1000) + new string(']', 1000) + "\n---\nBody.\n");
        Assert.Equal([(3, 35)], monograph.Spans(DiagnosticCodes.YamlTooComplex));
    }

    [Fact]
    public void DeeplyNestedMarkdownList_Mono035()
    {
        var body = new StringBuilder();
        for (var i = 0; i < 500; i++)
        {
            body.Append(' ', i * 2).Append("- item\n");
        }

        var monograph = Parse.Text("---\ntitle: Nested\n---\n" + body);
        Assert.Equal([(4, 1)], monograph.Spans(DiagnosticCodes.MarkdownTooDeep));
        Assert.Equal("Nested", monograph.Title);
    }

    [Theory]
    [InlineData("[x](", 20_000)]
    [InlineData("![x](", 20_000)]
    [InlineData("[x](()", 10_000)]
    public void UnclosedLinkDestinations_Repeated_Mono037AndBodyNotRead(string opener, int count)
    {
        var monograph = Parse.Text("---\ntitle: Links\n---\n## Usage\n\n" + string.Concat(Enumerable.Repeat(opener, count)) + "\n");
        var diagnostic = monograph.Single(DiagnosticCodes.MarkdownTooCostly);
        Assert.Equal(6, diagnostic.Line);
        Assert.Empty(monograph.Sections);
        Assert.Equal("Links", monograph.Title);
    }

    [Fact]
    public void ClosedLinks_ManyWithoutSpaces_NoMono037()
    {
        var links = string.Concat(Enumerable.Repeat("[a](https://example.org/a_(b)),", 20_000));
        var monograph = Parse.Text("---\ntitle: Links\n---\n## Usage\n\n" + links + "\n");
        Assert.False(monograph.Has(DiagnosticCodes.MarkdownTooCostly));
        Assert.Equal("usage", Assert.Single(monograph.Sections).Key);
    }

    [Fact]
    public void NestedHtml_DeeperThanLimit_Mono035AtTheBlock()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 100)) + "x" + string.Concat(Enumerable.Repeat("</div>", 100));
        var monograph = Parse.Text("---\ntitle: Nest\n---\n## Usage\n\n" + html + "\n");
        Assert.Equal([(6, 1)], monograph.Spans(DiagnosticCodes.MarkdownTooDeep));
        Assert.Empty(monograph.Sections);
    }

    [Theory]
    [InlineData(60, "<div>", "</div>")]
    [InlineData(500, "<p>", "")]
    [InlineData(500, "<br>", "")]
    [InlineData(500, "<span/>", "")]
    public void NestedHtml_WithinLimitOrNotNesting_NoMono035(int count, string open, string close)
    {
        var html = string.Concat(Enumerable.Repeat(open, count)) + "x" + string.Concat(Enumerable.Repeat(close, count));
        Assert.False(Parse.Text("---\ntitle: Nest\n---\n## Usage\n\n" + html + "\n").Has(DiagnosticCodes.MarkdownTooDeep));
    }

    [Theory]
    [InlineData(6_000, true)]
    [InlineData(4_000, false)]
    public void HtmlTags_MoreThanLimit_Mono037AtTheTagThatPasses(int pairs, bool refused)
    {
        var monograph = Parse.Text("---\ntitle: Tags\n---\n## Usage\n\n" + string.Concat(Enumerable.Repeat("<i>x</i>", pairs)) + "\n");
        Assert.Equal(refused ? [(6, 40_001)] : [], monograph.Spans(DiagnosticCodes.MarkdownTooCostly));
        Assert.Equal(refused ? 0 : 1, monograph.Sections.Count);
    }

    [Fact]
    public void NestedHtml_OneUnclosedDivPerSection_CountedPerSection()
    {
        var body = string.Concat(Enumerable.Range(0, 100).Select(i => $"## Part {i}\n\n<div>\n\ntext\n\n"));
        Assert.False(Parse.Text("---\ntitle: Nest\n---\n" + body).Has(DiagnosticCodes.MarkdownTooDeep));
    }

    [Fact]
    public void FrontMatterOnly_NoBody_ParsedWithEmptyBodyWarning()
    {
        var monograph = Parse.Text("---\ntitle: Only\n---");
        Assert.Equal("Only", monograph.Title);
        Assert.True(monograph.Has(DiagnosticCodes.EmptyBody));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void RandomMarkdownAndYamlSoup_NeverThrows(int seed)
    {
        const string alphabet = "ab *#-_[]()>`:&!|\n\n  ?{}\"'\\<>/=~0123456789®é";
        var random = new Random(seed);
        for (var round = 0; round < 50; round++)
        {
            var text = new StringBuilder(random.Next(2) == 0 ? "---\n" : string.Empty);
            var length = random.Next(1, 3000);
            for (var i = 0; i < length; i++)
            {
                text.Append(alphabet[random.Next(alphabet.Length)]);
                if (random.Next(200) == 0)
                {
                    text.Append("\n---\n");
                }
            }

            var monograph = Parse.Text(text.ToString());
            Assert.NotNull(monograph.Diagnostics);
        }
    }
}
