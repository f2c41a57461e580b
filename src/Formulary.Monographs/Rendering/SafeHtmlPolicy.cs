using Ganss.Xss;

namespace Formulary.Monographs.Rendering;

/// <summary>
/// What monograph HTML may contain. Starts from HtmlSanitizer's defaults (which already drop
/// script, event handlers and javascript: URLs) and removes everything that loads a resource,
/// submits data or restyles the page. Author <c>id</c> and <c>name</c> values are prefixed with
/// <see cref="AuthorIdPrefix"/>, so a monograph can never take over one of the page's own anchors
/// (<c>id="main"</c>, <c>id="dose"</c>): the page never gives an element an id with that prefix.
/// </summary>
internal static class SafeHtmlPolicy
{
    /// <summary>Prefix of every id and name that comes from monograph content (GitHub uses the same one).</summary>
    public const string AuthorIdPrefix = MarkdownHtmlRenderer.AuthorIdPrefix;

    /// <summary>The author's value with <see cref="AuthorIdPrefix"/> (once).</summary>
    public static string AuthorId(string value) =>
        value.StartsWith(AuthorIdPrefix, StringComparison.Ordinal) ? value : AuthorIdPrefix + value;

    private static readonly string[] ForbiddenTags =
    [
        "img", "picture", "source", "video", "audio", "track", "iframe", "frame", "frameset", "object",
        "embed", "applet", "link", "style", "meta", "base", "svg", "math", "image", "input", "form",
        "button", "select", "option", "optgroup", "textarea", "datalist", "fieldset", "legend",
        "label", "output", "area", "map", "canvas", "noscript", "template", "marquee",
    ];

    private static readonly string[] ForbiddenAttributes =
    [
        "style", "src", "srcset", "background", "poster", "action", "formaction", "dynsrc", "lowsrc",
        "longdesc", "usemap", "ping", "target",
    ];

    public static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        foreach (var tag in ForbiddenTags)
        {
            sanitizer.AllowedTags.Remove(tag);
        }

        foreach (var attribute in ForbiddenAttributes)
        {
            sanitizer.AllowedAttributes.Remove(attribute);
        }

        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement element)
            {
                foreach (var attribute in (string[])["id", "name"])
                {
                    if (element.GetAttribute(attribute) is { } value)
                    {
                        element.SetAttribute(attribute, AuthorId(value));
                    }
                }
            }

            // Links out of the site must not leak the reader's page or give the target a handle on it.
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement anchor
                && anchor.GetAttribute("href") is { } href
                && (href.Contains("://", StringComparison.Ordinal) || href.StartsWith("//", StringComparison.Ordinal)))
            {
                anchor.SetAttribute("rel", "nofollow noopener noreferrer");
            }
        };
        return sanitizer;
    }
}
