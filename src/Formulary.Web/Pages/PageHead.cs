namespace Formulary.Web.Pages;

/// <summary>What a page says about itself in <c>&lt;head&gt;</c>: title, description, canonical URL, structured data.</summary>
public sealed record PageHead(string Title, string Description, string CanonicalPath)
{
    /// <summary>JSON-LD documents, already serialized (System.Text.Json escapes <c>&lt;</c>, so they cannot close the script element).</summary>
    public IReadOnlyList<string> JsonLd { get; init; } = [];

    /// <summary>Pages that should not be indexed (search results, 404, dose answers).</summary>
    public bool NoIndex { get; init; }
}
