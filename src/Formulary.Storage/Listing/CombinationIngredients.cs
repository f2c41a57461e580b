namespace Formulary.Storage.Listing;

/// <summary>
/// A combination's ingredients when its front matter does not list them: the parts of its title
/// ("Folic Acid + Methotrexate") when every part names a composition, else the parts of its slug
/// (<c>folicacid-methotrexate</c>; a composition slug may itself hold a dash, so the slug's words are
/// grouped to match). All parts must match, or nothing is derived and <see cref="IngredientMatch.Unmatched"/>
/// says which parts of the title (or, for a title that is not a list, of the slug) matched nothing.
/// </summary>
public static class CombinationIngredients
{
    private static readonly char[] TitleSeparators = ['+', '&', ',', '/'];

    public static IngredientMatch Derive(string title, string slug, CompositionNames names)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(slug);
        ArgumentNullException.ThrowIfNull(names);
        var titleParts = title.Split(TitleSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (titleParts.Length >= 2 && All(titleParts, names) is { } fromTitle)
        {
            return new IngredientMatch(fromTitle, []);
        }

        var words = slug.Split('-', StringSplitOptions.RemoveEmptyEntries);
        if (FromSlug(words, names) is { Count: >= 2 } fromSlug)
        {
            return new IngredientMatch(fromSlug, []);
        }

        var reported = titleParts.Length >= 2 ? titleParts : words;
        return new IngredientMatch([], [.. reported.Where(p => names.Find(p) is null)]);
    }

    private static List<string>? All(string[] parts, CompositionNames names)
    {
        var slugs = new List<string>(parts.Length);
        foreach (var part in parts)
        {
            if (names.Find(part) is not { } slug)
            {
                return null;
            }

            if (!slugs.Contains(slug, StringComparer.Ordinal))
            {
                slugs.Add(slug);
            }
        }

        return slugs;
    }

    /// <summary>
    /// The slug's words grouped into composition names, fewest groups first, or null. Dynamic programming
    /// over the word positions: a slug of n words costs at most n² look-ups (n is a handful).
    /// </summary>
    private static List<string>? FromSlug(string[] words, CompositionNames names)
    {
        var n = words.Length;
        var best = new List<string>?[n + 1];
        best[n] = [];
        for (var start = n - 1; start >= 0; start--)
        {
            for (var end = start + 1; end <= n; end++)
            {
                if (best[end] is { } rest && names.Find(string.Join('-', words[start..end])) is { } slug
                    && (best[start] is null || best[start]!.Count > rest.Count + 1))
                {
                    best[start] = [slug, .. rest];
                }
            }
        }

        return best[0] is { } found ? [.. found.Distinct(StringComparer.Ordinal)] : null;
    }
}
