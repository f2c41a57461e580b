using Formulary.Clinical.Profiles;
using Formulary.Monographs.Diagnostics;

namespace Formulary.Monographs.Rules;

/// <summary>
/// The profile read from a rules file, and the diagnostics about it. <see cref="Profile"/> is null
/// when any diagnostic is an error: a profile with a stale citation is never served.
/// </summary>
public sealed record RulesLoadResult(DrugProfile? Profile, IReadOnlyList<LocatedCitation> Citations, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
