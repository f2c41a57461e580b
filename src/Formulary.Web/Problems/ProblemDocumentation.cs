using System.Text.Encodings.Web;

namespace Formulary.Web.Problems;

/// <summary>The small HTML page served at each problem's <c>type</c> URI.</summary>
internal static class ProblemDocumentation
{
    public static string Render(ProblemKind kind)
    {
        var e = HtmlEncoder.Default;
        return $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{e.Encode(kind.Title)}</title></head>"
            + $"<body><h1>{e.Encode(kind.Title)}</h1><p>HTTP {kind.Status}. {e.Encode(kind.Explanation)}</p>"
            + $"<p><code>type: {e.Encode(kind.Type)}</code></p></body></html>";
    }
}
