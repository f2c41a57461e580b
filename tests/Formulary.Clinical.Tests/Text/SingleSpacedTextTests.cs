namespace Formulary.Clinical.Tests.Text;

public sealed class SingleSpacedTextTests
{
    [Theory]
    [InlineData("Hypersensitivity to clofarabine.", "Hypersensitivity to clofarabine.")]
    [InlineData("  Severe renal\r\nimpairment\t(ULN)\u00a0 for  age. \n", "Severe renal impairment (ULN) for age.")]
    [InlineData(" \t\r\n", "")]
    [InlineData("", "")]
    public void Of_EachRunOfWhiteSpaceIsOneSpace_NoneAtTheEnds(string text, string expected)
    {
        Assert.Equal(expected, SingleSpacedText.Of(text));
    }

    [Fact]
    public void Of_TextLongerThanTheStackBuffer_SingleSpacedAlike()
    {
        // 300 words of two characters, each followed by two spaces: 1,200 characters (past the 512 kept on the stack).
        var text = string.Concat(Enumerable.Repeat("ab  ", 300));

        Assert.Equal(string.Join(' ', Enumerable.Repeat("ab", 300)), SingleSpacedText.Of(text));
    }

    [Fact]
    public void Of_TextAlreadySingleSpaced_IsReturnedAsIs()
    {
        var text = "Dose = 52 mg/m² × 1.06 m²";

        Assert.Same(text, SingleSpacedText.Of(text));
    }
}
