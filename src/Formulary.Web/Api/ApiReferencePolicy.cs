using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Formulary.Web.Api;

/// <summary>
/// The API reference page (Scalar) starts with an inline module script. Rather than allowing inline
/// script, its HTML is buffered and the policy allows exactly the inline scripts it contains, by
/// SHA-256 hash. Scalar injects its own styles, so this one page allows inline styles; it still
/// loads nothing from any other origin.
/// </summary>
internal static partial class ApiReferencePolicy
{
    public static IApplicationBuilder UseApiReferencePolicy(this IApplicationBuilder app) =>
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(ApiDocumentation.ReferencePath, out var rest) && rest.Value is null or "" or "/",
            branch => branch.Use(async (context, next) =>
            {
                var original = context.Response.Body;
                using var buffer = new MemoryStream();
                context.Response.Body = buffer;
                try
                {
                    await next(context).ConfigureAwait(false);
                }
                finally
                {
                    context.Response.Body = original;
                }

                var bytes = buffer.ToArray();
                if (context.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true)
                {
                    context.Response.Headers.ContentSecurityPolicy = PolicyFor(Encoding.UTF8.GetString(bytes));
                }

                context.Response.ContentLength = bytes.Length;
                await original.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
            }));

    internal static string PolicyFor(string html)
    {
        var hashes = InlineScript().Matches(html)
            .Select(m => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups["body"].Value)))}'");
        return $"default-src 'none'; script-src 'self' {string.Join(' ', hashes)}; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();
}
