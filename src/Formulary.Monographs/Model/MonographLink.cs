namespace Formulary.Monographs.Model;

/// <summary>
/// A link from this document to another collection's document: a brand page to its composition or
/// combination, a combination to its ingredients. <see cref="Field"/> is the front-matter key it came from.
/// </summary>
public sealed record MonographLink(Collection Target, string Slug, string Field, int Line, int Column);
