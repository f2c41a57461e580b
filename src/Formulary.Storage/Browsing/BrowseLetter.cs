using Formulary.Storage.Search;

namespace Formulary.Storage.Browsing;

/// <summary>
/// The A–Z bar: a title's sort key is its folded form (<see cref="NameKey.Fold"/>: lower case, accents
/// removed), and its letter is the key's first character when that is a to z; every other title
/// (a digit, a symbol, another script, an empty title) is under <see cref="Other"/>.
/// </summary>
public static class BrowseLetter
{
    /// <summary>The bucket after z, written in URLs as is.</summary>
    public const string Other = "0-9";

    public static IReadOnlyList<string> All { get; } = [.. "abcdefghijklmnopqrstuvwxyz".Select(c => c.ToString()), Other];

    public static string SortKey(string title) => NameKey.Fold(title);

    public static string Of(string sortKey)
    {
        ArgumentNullException.ThrowIfNull(sortKey);
        return sortKey.Length > 0 && sortKey[0] is >= 'a' and <= 'z' ? sortKey[..1] : Other;
    }

    /// <summary>Where the letter stands on the bar: a to z, then <see cref="Other"/>.</summary>
    public static int Position(string letter) => letter == Other ? 26 : letter[0] - 'a';

    public static bool IsValid(string? letter) => letter is not null && All.Contains(letter, StringComparer.Ordinal);

    /// <summary>How the bar shows a letter: upper case, and "0–9" for the rest.</summary>
    public static string Label(string letter) => letter == Other ? "0–9" : letter.ToUpperInvariant();
}
