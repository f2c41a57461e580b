using System.Globalization;
using Formulary.Storage.Search;

namespace Formulary.Web.Fhir;

/// <summary>
/// A MedicationKnowledge search, read from the query string: the filters <c>code</c> (a token: <c>code</c> or
/// <c>system|code</c>, several joined by commas meaning "any of"), <c>_id</c> (ids, several joined by commas) and
/// <c>name</c>, all given meaning all must match; and the page: <c>_count</c> (0 the total alone; more than
/// <see cref="MaxCount"/> gives that many), <c>_summary=count</c> (the total alone) and <c>_offset</c> (the matches skipped,
/// as the <c>next</c> link writes it). No filter at all is a search of every composition and combination, paged as any other
/// (<see cref="All"/>). Unknown, repeated, empty or modified parameters are refused, never ignored: a misspelt filter must not
/// silently widen the result (to every drug, now that no filter means that).
/// </summary>
internal sealed record MedicationKnowledgeQuery(IReadOnlyList<string>? Codes, IReadOnlyList<string>? Ids, string? Name, int Count, int Offset)
{
    /// <summary>The most entries in one page, and the page size when <c>_count</c> is not given.</summary>
    public const int MaxCount = 100;

    /// <summary>The most matches a filtered search skips (<c>_offset</c>): far above any such search's matches (a name search gives at most <see cref="SearchLimits.MaxSuggestions"/>).</summary>
    public const int MaxOffset = 10_000;

    /// <summary>The most a search without filters (every drug, paged) skips: above any formulary's size (100,000 monographs).</summary>
    public const int MaxListOffset = 1_000_000;

    /// <summary>No filter was given: the search is of every composition and combination, a page at a time.</summary>
    public bool All => Codes is null && Ids is null && Name is null;

    public static (MedicationKnowledgeQuery? Query, string? Error) Parse(IQueryCollection query, FhirUrls urls)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(urls);
        List<string>? codes = null;
        List<string>? ids = null;
        string? name = null;
        var (count, offset) = (MaxCount, 0);
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
                case "_id":
                    ids = [.. value.Split(',').Select(id => id.Trim())];
                    break;
                case "name":
                    name = value.Trim();
                    if (name.Length < SearchLimits.MinSuggestChars || name.Length > SearchLimits.MaxQueryChars)
                    {
                        return (null, $"name must be {SearchLimits.MinSuggestChars} to {SearchLimits.MaxQueryChars} characters.");
                    }

                    break;
                case "_count":
                    // R4: a server may give fewer than asked, never more; the links say how many a page holds.
                    if (Whole(value, int.MaxValue) is not { } asked)
                    {
                        return (null, $"_count must be a whole number (0 or more), not '{value}'.");
                    }

                    count = Math.Min(count, asked);
                    break;
                case "_summary":
                    if (value != "count")
                    {
                        return (null, $"_summary '{value}' is not supported: this server answers _summary=count (the total alone) or whole resources.");
                    }

                    count = 0;
                    break;
                case "_offset":
                    if (Whole(value, MaxListOffset) is not { } skipped)
                    {
                        return (null, $"_offset must be a whole number from 0 to {MaxListOffset}, not '{value}'.");
                    }

                    offset = skipped;
                    break;
                case "_format": // checked before the endpoint runs (FhirFormat)
                    break;
                default:
                    return (null, $"Unknown search parameter '{key}': MedicationKnowledge is searched by code (code or system|code), _id and name, without modifiers; pages by _count, _summary=count and _offset.");
            }
        }

        // A search without filters is of every drug (R4 search.html), a page at a time; a filtered one skips at most MaxOffset.
        var filtered = codes is not null || ids is not null || name is not null;
        return filtered && offset > MaxOffset
            ? (null, $"_offset must be a whole number from 0 to {MaxOffset} for a search by code, _id or name, not '{offset}'.")
            : (new MedicationKnowledgeQuery(codes, ids, name, count, offset), null);
    }

    /// <summary>
    /// The query string of the page from <paramref name="offset"/>: the parameters as sent, <c>_count</c> as this server
    /// applies it (at most <see cref="MaxCount"/>) and <c>_offset</c> when not 0. The self link is the page at
    /// <see cref="Offset"/>; the next link, the one after it.
    /// </summary>
    public string LinkQuery(IQueryCollection query, int offset)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = query.Where(p => p.Key is not ("_offset" or "_count")).Select(p => (p.Key, Value: (string?)p.Value ?? string.Empty));
        if (query.ContainsKey("_count"))
        {
            parameters = parameters.Append(("_count", Count.ToString(CultureInfo.InvariantCulture)));
        }

        if (offset > 0)
        {
            parameters = parameters.Append(("_offset", offset.ToString(CultureInfo.InvariantCulture)));
        }

        return string.Join('&', parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
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

    /// <summary>Digits only (no sign, space or separator), at most <paramref name="max"/>; null otherwise.</summary>
    private static int? Whole(string value, int max) =>
        value.All(char.IsAsciiDigit) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= max
            ? number
            : null;
}
