using Formulary.Storage.Search;

namespace Formulary.Web.Fhir;

/// <summary>
/// A MedicationKnowledge search, read from the query string: <c>code</c> (a token: <c>code</c> or
/// <c>system|code</c>, several joined by commas meaning "any of") and <c>name</c>. Both given means
/// both must match. Unknown, repeated, empty or modified parameters are refused, never ignored: a
/// misspelt filter must not silently widen the result.
/// </summary>
internal sealed record MedicationKnowledgeQuery(IReadOnlyList<string>? Codes, string? Name)
{
    public static (MedicationKnowledgeQuery? Query, string? Error) Parse(IQueryCollection query, FhirUrls urls)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(urls);
        List<string>? codes = null;
        string? name = null;
        foreach (var (key, values) in query)
        {
            if (values.Count != 1)
            {
                return (null, $"The search parameter '{key}' is given {values.Count} times; give it once (join alternatives with commas).");
            }

            var value = values[0] ?? string.Empty;
            if (value.Trim().Length == 0)
            {
                return (null, $"The search parameter '{key}' is empty.");
            }

            switch (key)
            {
                case "code":
                    codes = [.. value.Split(',').Select(token => Code(token, urls))];
                    break;
                case "name":
                    name = value.Trim();
                    if (name.Length < SearchLimits.MinSuggestChars || name.Length > SearchLimits.MaxQueryChars)
                    {
                        return (null, $"name must be {SearchLimits.MinSuggestChars} to {SearchLimits.MaxQueryChars} characters.");
                    }

                    break;
                case "_format": // checked before the endpoint runs (FhirFormat)
                    break;
                default:
                    return (null, $"Unknown search parameter '{key}': MedicationKnowledge is searched by code (code or system|code) and name, without modifiers.");
            }
        }

        return codes is null && name is null
            ? (null, "Give code (code or system|code) or name to search MedicationKnowledge.")
            : (new MedicationKnowledgeQuery(codes, name), null);
    }

    /// <summary>The slug a token names, or an empty string (matches nothing) when it names another code system.</summary>
    private static string Code(string token, FhirUrls urls)
    {
        var bar = token.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0)
        {
            return token.Trim();
        }

        return token[..bar] == urls.MonographCodeSystem ? token[(bar + 1)..].Trim() : string.Empty;
    }

    /// <summary>The query string as sent, for the Bundle's self link.</summary>
    public static string SelfQuery(IQueryCollection query) =>
        string.Join('&', query.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString((string?)p.Value ?? string.Empty)));
}
