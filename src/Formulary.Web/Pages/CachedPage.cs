using Formulary.Web.Hosting.Compression;

namespace Formulary.Web.Pages;

/// <summary>A rendered response kept in memory: its bytes in every content coding, each with a strong ETag.</summary>
internal sealed class CachedPage
{
    public const string CacheControl = "public, max-age=60";

    private CachedPage(EncodedBody body) => Body = body;

    public EncodedBody Body { get; }

    public static CachedPage Html(byte[] body) => Create(body, "text/html; charset=utf-8");

    public static CachedPage Create(byte[] body, string contentType) => new(EncodedBody.Create(body, contentType));

    public IResult ToResult(HttpContext context) => new Answer(Body);

    private sealed class Answer(EncodedBody body) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => body.WriteAsync(httpContext, CacheControl);
    }
}
