using Formulary.Monographs.Rendering;

namespace Formulary.Monographs.Tests.Rendering;

public sealed class MarkdownHtmlRendererTests
{
    private static readonly MarkdownHtmlRenderer Renderer = MarkdownHtmlRenderer.Shared;

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<img src=\"https://tracker.example/p.gif\" onerror=\"alert(1)\">", "<img")]
    [InlineData("<iframe src=\"https://evil.example/\"></iframe>", "<iframe")]
    [InlineData("<p onclick=\"alert(1)\">x</p>", "onclick")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "javascript:")]
    [InlineData("[x](javascript:alert(1))", "javascript:")]
    [InlineData("![pixel](https://tracker.example/p.gif)", "tracker.example")]
    [InlineData("<p style=\"background:url(https://tracker.example/p.gif)\">x</p>", "tracker.example")]
    [InlineData("<svg><script>alert(1)</script></svg>", "<svg")]
    [InlineData("<object data=\"https://evil.example/x.swf\"></object>", "<object")]
    [InlineData("<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">", "<link")]
    [InlineData("<form action=\"https://evil.example/\"><input name=\"q\"></form>", "<form")]
    [InlineData("<video poster=\"https://tracker.example/p.gif\"></video>", "tracker.example")]
    [InlineData("<style>body{background:url(https://tracker.example/p.gif)}</style>", "tracker.example")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">", "<meta")]
    [InlineData("<javascript:alert(1)>", "href=\"javascript")]
    [InlineData("[x](javascript&#58;alert(1))", "javascript")]
    [InlineData("[x](<java\tscript:alert(1)>)", "script:")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)", "data:")]
    [InlineData("[x](vbscript:msgbox(1))", "vbscript")]
    public void Render_HostileInlineHtml_RemovesWhatRunsOrLoads(string markdown, string forbidden)
    {
        var html = Renderer.Render("Text before.\n\n" + markdown + "\n\nText after.");

        Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Text before.", html, StringComparison.Ordinal);
        Assert.Contains("Text after.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HarmlessInlineHtml_KeepsIt()
    {
        var html = Renderer.Render("Dose <sup>2</sup> and <em>care</em>.");

        Assert.Contains("<sup>2</sup>", html, StringComparison.Ordinal);
        Assert.Contains("<em>care</em>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ExternalLink_GetsNoReferrerAndNoFollow()
    {
        var html = Renderer.Render("[label](https://example.org/page)");

        Assert.Contains("href=\"https://example.org/page\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"nofollow noopener noreferrer\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ExternalAutolink_GetsNoReferrerAndNoFollow()
    {
        var html = Renderer.Render("See <https://example.org/page>.");

        Assert.Contains("rel=\"nofollow noopener noreferrer\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Plain **text** with [a link](https://example.org/) and a | table |")]
    [InlineData("Text with <b>inline html</b> and [a link](https://example.org/)")]
    public void Render_SameMarkdown_SameLinkMarkupWithOrWithoutSanitizer(string markdown)
    {
        var html = Renderer.Render(markdown);

        Assert.Contains("<a href=\"https://example.org/\" rel=\"nofollow noopener noreferrer\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SiteLink_StaysPlain()
    {
        var html = Renderer.Render("[Clofarabine](/composition/clofarabine/)");

        Assert.Contains("<a href=\"/composition/clofarabine/\">Clofarabine</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PipeTable_BecomesTable()
    {
        var html = Renderer.Render("| Dose | Days |\n| --- | --- |\n| 52 mg/m² | 5 |\n");

        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<td>52 mg/m²</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BoldHeading_GetsPrefixedAnchorIdFromItsText()
    {
        var html = Renderer.Render("### **Standard Dosage**\n\nText.");

        Assert.Contains("<h3 id=\"user-content-standard-dosage\"><strong>Standard Dosage</strong></h3>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<div id=\"main\">x</div>", "id=\"user-content-main\"")]
    [InlineData("<a name=\"dose\" href=\"#x\">x</a>", "name=\"user-content-dose\"")]
    [InlineData("<span id=\"user-content-kept\">x</span>", "id=\"user-content-kept\"")]
    [InlineData("# Main\n\n<p id=\"faqs\">x</p>", "<h1 id=\"user-content-main\">")]
    public void Render_AuthorIdOrName_PrefixedSoItCannotTakeOverPageAnchors(string markdown, string expected)
    {
        var html = Renderer.Render(markdown);

        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.DoesNotMatch("(id|name)=\"(main|dose|faqs)\"", html);
        Assert.DoesNotContain("user-content-user-content-", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EmptyMarkdown_ReturnsEmpty()
    {
        Assert.Equal(string.Empty, Renderer.Render(string.Empty));
    }
}
