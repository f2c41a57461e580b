namespace Formulary.Monographs.Model;

/// <summary>
/// A heading and what follows it up to the next heading of the same or a higher level.
/// <see cref="Key"/> is the normalized name (<c>## **Usage:**</c>, <c>## Usage</c> and
/// <c>## **Usage**  (extra)</c> all have key <c>usage</c>); <see cref="OriginalHeading"/> keeps the text as written.
/// </summary>
public sealed record Section(
    string Key,
    string Title,
    string OriginalHeading,
    int Level,
    int Line,
    string Markdown,
    string PlainText,
    IReadOnlyList<Section> Children);
