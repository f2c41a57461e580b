using Formulary.Clinical.Profiles;
using Formulary.Clinical.Regimens;

namespace Formulary.Monographs.Rules.Drafting;

/// <summary>What a machine reading of one monograph's Dosage section found: regimens, renal bands, and the sentences with dose numbers it could not read.</summary>
public sealed record RulesDraft(string Slug, string Name, IReadOnlyList<DraftRegimen> Regimens, IReadOnlyList<RenalDoseBand> Renal, IReadOnlyList<Citation> Unread);
