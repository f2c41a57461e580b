using Formulary.Clinical.Profiles;

namespace Formulary.Clinical.Regimens;

/// <summary>The general (schema 2) dosing rules of a drug: its regimens and the renal, hepatic and toxicity adjustments that apply to all of them.</summary>
public sealed record DosingRules
{
    public required IReadOnlyList<DoseRule> Regimens { get; init; }
    public IReadOnlyList<RenalDoseBand> Renal { get; init; } = [];
    public IReadOnlyList<HepaticDoseLevel> Hepatic { get; init; } = [];
    public IReadOnlyList<ToxicityDoseAdjustment> Toxicity { get; init; } = [];

    /// <summary>Sentences with dose numbers a machine reading could not turn into a rule, left for an editor.</summary>
    public IReadOnlyList<Citation> Unread { get; init; } = [];
}
