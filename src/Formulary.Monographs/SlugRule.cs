using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Formulary.Monographs;

/// <summary>
/// The one rule for slugs, used wherever a slug is made or looked up: parsing (and so import, serve,
/// lint and export), rules files, front-matter links and the web routes. A slug is 1 to
/// <see cref="MaxLength"/> ASCII letters, digits, <c>-</c>, <c>_</c> or <c>.</c>, not starting with a
/// dot. A file name that is not one is normalized (and lint says so) instead of being refused.
/// </summary>
public static class SlugRule
{
    /// <summary>Longest slug: it is a path segment and, in the static export, a folder name (255 bytes at most).</summary>
    public const int MaxLength = 200;

    private static readonly SearchValues<char> SlugChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");

    public static bool IsValid(string? slug) => slug is not null && IsValid(slug.AsSpan());

    private static bool IsValid(ReadOnlySpan<char> slug) =>
        slug.Length is > 0 and <= MaxLength && slug[0] != '.' && !slug.ContainsAnyExcept(SlugChars);

    /// <summary>
    /// <paramref name="name"/> itself when it is a valid slug; otherwise apostrophes are dropped, every
    /// other run of characters outside the rule becomes one <c>-</c>, leading and trailing <c>-</c> and
    /// <c>.</c> are trimmed and the result is cut to <see cref="MaxLength"/> (<c>St John's wort, oil</c>
    /// → <c>St-Johns-wort-oil</c>). A name with nothing usable gets <c>document-</c> and a hash of it.
    /// </summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (IsValid(name))
        {
            return name;
        }

        var slug = new StringBuilder(Math.Min(name.Length, MaxLength));
        foreach (var c in name)
        {
            if (IsSlugChar(c))
            {
                slug.Append(c);
            }
            else if (c is not ('\'' or '’' or '‘' or 'ʼ' or '`') && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().TrimStart('.', '-');
        text = (text.Length > MaxLength ? text[..MaxLength] : text).TrimEnd('.', '-');
        return text.Length > 0
            ? text
            : "document-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..12];
    }

    /// <summary>The slug of a monograph file: its name without <c>.md</c>, normalized.</summary>
    public static string FromFileName(string path, string extension = ".md")
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(extension);
        var name = Path.GetFileName(path.AsSpan());
        name = name.EndsWith(extension, StringComparison.OrdinalIgnoreCase) ? name[..^extension.Length] : name;
        // Called for every file of every listing: a valid name becomes the slug with one string made.
        return IsValid(name) ? name.ToString() : Normalize(name.ToString());
    }

    private static bool IsSlugChar(char c) => SlugChars.Contains(c);
}
