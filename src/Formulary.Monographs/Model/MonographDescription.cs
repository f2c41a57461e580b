namespace Formulary.Monographs.Model;

/// <summary>
/// The front-matter description as written, and the description to show. When the original is
/// cut off mid-word and ends with <c>...</c>, <see cref="Full"/> is derived from the Usage section.
/// </summary>
public sealed record MonographDescription(string Original, string Full, bool IsTruncated);
