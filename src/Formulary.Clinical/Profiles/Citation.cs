namespace Formulary.Clinical.Profiles;

/// <summary>
/// Where a rule comes from: the monograph section (title path, e.g. <c>Dosage &gt; Special Cases</c>)
/// and the sentence quoted from it. The rules loader verifies the quote is still in that section.
/// </summary>
public sealed record Citation(string Section, string Quote);
