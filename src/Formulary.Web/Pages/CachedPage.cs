using System.Security.Cryptography;

namespace Formulary.Web.Pages;

/// <summary>A rendered response kept in memory: its bytes, content type and a strong ETag.</summary>
internal sealed record CachedPage(byte[] Body, string ContentType, string ETag)
{
    public static CachedPage Html(byte[] body) => Create(body, "text/html; charset=utf-8");

    public static CachedPage Create(byte[] body, string contentType) =>
        new(body, contentType, "\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..20] + "\"");

    public IResult ToResult(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ETag = ETag;
        headers.CacheControl = "public, max-age=60";
        if (context.Request.Headers.IfNoneMatch == ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(Body, ContentType);
    }
}
