using Formulary.Monographs.Rules;

namespace Formulary.Monographs.Tests.Rules;

/// <summary>A monograph's rules file lies beside it with its extension replaced; the span form (stamping) and the string form agree.</summary>
public sealed class RulesPathTests
{
    [Theory]
    [InlineData("compositions/clofarabine.md", "compositions/clofarabine.rules.yaml")]
    [InlineData("/srv/content/compositions/Clofarabine.MD", "/srv/content/compositions/Clofarabine.rules.yaml")]
    [InlineData("compositions/st.johns-wort.md", "compositions/st.johns-wort.rules.yaml")]
    [InlineData("content.v2/compositions/noextension", "content.v2/compositions/noextension.rules.yaml")]
    [InlineData("folder.d/file.", "folder.d/file.rules.yaml")]
    [InlineData("x.md", "x.rules.yaml")]
    public void RulesPath_ReplacesTheExtensionOnly(string monograph, string expected)
    {
        Assert.Equal(expected, RulesLoader.RulesPathFor(monograph));
        Assert.Equal(Path.ChangeExtension(monograph, null) + RulesLoader.Suffix, RulesLoader.RulesPathFor(monograph));
        Assert.Equal(expected, RulesLoader.RulesPathFor(monograph.AsSpan(), new char[monograph.Length + RulesLoader.Suffix.Length]).ToString());
    }
}
