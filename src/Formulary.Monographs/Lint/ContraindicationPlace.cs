using Formulary.Monographs.Diagnostics;

namespace Formulary.Monographs.Lint;

/// <summary>
/// A place in the document that states contraindications: its name for people, position, the
/// conditions it names, and whether it claims to be the list (the section, the summary's item).
/// </summary>
internal sealed record ContraindicationPlace(string Name, SourcePosition Position, IReadOnlySet<string> Conditions, bool IsList);
