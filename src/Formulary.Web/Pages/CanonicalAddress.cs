namespace Formulary.Web.Pages;

/// <summary>A page with one canonical address (path and query) answers any other spelling of it with a permanent redirect there.</summary>
internal static class CanonicalAddress
{
    /// <summary>The redirect to <paramref name="address"/>, or null when the request already asked for exactly it.</summary>
    public static IResult? RedirectUnless(HttpContext context, string address) =>
        string.Equals(context.Request.Path.Value + context.Request.QueryString.Value, address, StringComparison.Ordinal)
            ? null
            : Results.Redirect(address, permanent: true);
}
