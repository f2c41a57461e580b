namespace Formulary.Web.Problems;

/// <summary>One documented problem: a stable code, its HTTP status, a title and what it means.</summary>
internal sealed record ProblemKind(string Code, int Status, string Title, string Explanation)
{
    /// <summary>The stable <c>type</c> URI, relative to the site (RFC 9457 §3.1.1 allows relative references).</summary>
    public string Type => $"/problems/{Code}";
}
