using System.Text;
using Formulary.Web.CdsHooks;

namespace Formulary.Web.Tests.CdsHooks;

public sealed class CardTextTests
{
    [Theory]
    [InlineData("Clofarabine 1 mg/mL", "Clofarabine 1 mg/mL")]
    [InlineData("SCREEN_PREGNANCY *bold* [link](x) <b>#1|!`", @"SCREEN\_PREGNANCY \*bold\* \[link\](x) \<b\>\#1\|\!\`")]
    [InlineData("back\\slash\r\nnext", @"back\\slash  next")]
    [InlineData("", "")]
    public void Escape_AndAppendEscaped_WriteTheSameMarkdownSafeText(string text, string expected)
    {
        Assert.Equal(expected, CardText.Escape(text));
        Assert.Equal("> " + expected, CardText.AppendEscaped(new StringBuilder("> "), text).ToString());
    }

    [Fact]
    public void Summary_WrittenOnSeveralLines_IsOneLineSingleSpaced()
    {
        Assert.Equal("Clofarabine: 55.1 mg/day IV for 5 days", CardText.Summary("  Clofarabine:\t55.1 mg/day\r\n\r\nIV  for 5 days \n"));
    }

    [Fact]
    public void Summary_Over140Characters_CutAtAWordWithAnEllipsis()
    {
        // 23 words of 5 characters and a space: 138 characters, then "sixth" makes 143 (over 140).
        var text = string.Concat(Enumerable.Repeat("word, ", 23)) + "sixth";

        var summary = CardText.Summary(text);

        // Cut at the last space within the first 138 characters (after the 23rd "word,"), its comma trimmed, then "…".
        Assert.Equal(string.Join(' ', Enumerable.Repeat("word,", 22)) + " word…", summary);
        Assert.True(summary.Length < 140);
    }

    [Fact]
    public void Summary_OfExactly140Characters_IsCut()
    {
        // CDS Hooks 2.0: a "<140-character summary"; 140 characters met issue 11's "at most 140" but not the specification.
        var text = new string('a', 70) + " " + new string('b', 69);

        var summary = CardText.Summary(text);

        Assert.Equal(new string('a', 70) + "…", summary);
    }

    [Fact]
    public void Summary_ShortSingleSpacedText_IsReturnedAsIs()
    {
        var text = "Clofarabine: 55.1 mg/day";

        Assert.Same(text, CardText.Summary(text));
    }

    [Fact]
    public void Escape_TextWithNothingToEscape_IsReturnedAsIs()
    {
        var text = "Body weight 30 kg";

        Assert.Same(text, CardText.Escape(text));
    }

    [Theory]
    // Expected values from Python's hashlib and uuid, independently of this code: SHA-256 of
    // "<hookInstance>\n<what>" as UTF-8, bytes 6 and 8 given the RFC 9562 version 8 and variant bits, the first 16 bytes.
    [InlineData("00000000-0000-4000-8000-000000000001", "0:dose", "81a18d3d-fa2d-88fd-a90c-a63a79aaf279")]
    [InlineData(null, "0:dose", "0f94568c-caaa-83bb-8854-d84b12671d76")]
    public void Uuid_IsSha256OfTheCallAndTheCard_InRfc9562Layout(string? hookInstance, string what, string expected)
    {
        // null stands for 2,000 'x' (an instance longer than the stack buffer).
        Assert.Equal(expected, CardText.Uuid(hookInstance ?? new string('x', 2000), what));
    }
}
