using Formulary.Storage.Search;

namespace Formulary.Storage.Tests.Search;

public sealed class SnippetMarkupTests
{
    [Fact]
    public void ToHtml_MarkedText_EscapesTextAndKeepsOnlyMarkTags()
    {
        var html = SnippetMarkup.ToHtml("<b>x</b> & \u0002clolar\u0003 \"q\"");

        Assert.Equal("&lt;b&gt;x&lt;/b&gt; &amp; <mark>clolar</mark> &quot;q&quot;", html);
    }

    [Fact]
    public void Clean_TextWithMarkCharacters_ReplacesThemSoDocumentsCannotForgeMarks()
    {
        Assert.Equal("a b c", SnippetMarkup.Clean("a\u0002b\u0003c"));
    }
}
