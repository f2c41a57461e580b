using Formulary.Clinical.Profiles;

namespace Formulary.Monographs.Rules;

/// <summary>A citation and where its quote is written in the rules file (1-based).</summary>
public sealed record LocatedCitation(Citation Citation, int Line, int Column);
