using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Formulary.Monographs;

/// <summary>
/// The one rule for slugs, used wherever a slug is made or looked up: parsing (and so import, serve,
/// lint and export), rules files, front-matter links and the web routes. A slug is 1 to
/// <see cref="MaxLength"/> lower-case ASCII letters, digits, <c>-</c>, <c>_</c> or <c>.</c>, not starting
/// with a dot. A file name that is not one is normalized (and lint says so) instead of being refused.
/// Lower case only, so two files whose names differ in case claim one slug (the duplicate check, the
/// store and the exported folders agree: a case-insensitive file system cannot hold both pages).
/// </summary>
public static class SlugRule
{
    /// <summary>Longest slug: it is a path segment and, in the static export, a folder name (255 bytes at most).</summary>
    public const int MaxLength = 200;

    private static readonly SearchValues<char> SlugChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-_.");

    public static bool IsValid(string? slug) => slug is not null && IsValid(slug.AsSpan());

    private static bool IsValid(ReadOnlySpan<char> slug) =>
        slug.Length is > 0 and <= MaxLength && slug[0] != '.' && !slug.ContainsAnyExcept(SlugChars);

    /// <summary>
    /// <paramref name="name"/> itself when it is a valid slug; otherwise ASCII capitals are lowered, apostrophes
    /// are dropped, every other run of characters outside the rule becomes one <c>-</c>, leading and trailing
    /// <c>-</c> and <c>.</c> are trimmed and the result is cut to <see cref="MaxLength"/> (<c>St John's wort, oil</c>
    /// → <c>st-johns-wort-oil</c>). A name with nothing usable gets <c>document-</c> and a hash of it.
    /// </summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (IsValid(name))
        {
            return name;
        }

        var slug = new StringBuilder(Math.Min(name.Length, MaxLength));
        foreach (var ch in name)
        {
            var c = char.IsAsciiLetterUpper(ch) ? char.ToLowerInvariant(ch) : ch;
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
        var name = StemOf(path, extension);
        // Called for every file of every listing: a valid name becomes the slug with one string made.
        return IsValid(name) ? name.ToString() : Normalize(name.ToString());
    }

    /// <summary>
    /// Whether a file's slug is its name without <c>.md</c> as written (false), or had to be normalized (true: MONO006).
    /// When several files claim one slug, the one named exactly as the slug is the one published.
    /// </summary>
    public static bool IsNormalizedName(string path, string extension = ".md") => !IsValid(StemOf(path, extension));

    private static ReadOnlySpan<char> StemOf(string path, string extension)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(extension);
        var name = Path.GetFileName(path.AsSpan());
        return name.EndsWith(extension, StringComparison.OrdinalIgnoreCase) ? name[..^extension.Length] : name;
    }

    private static bool IsSlugChar(char c) => SlugChars.Contains(c);
}
