using Formulary.Clinical.Regimens;

namespace Formulary.Clinical.Profiles;

/// <summary>
/// The computable rules of one drug, each with its citation. Built by the rules loader from a
/// <c>*.rules.yaml</c> beside the monograph; the engine has no drug-specific code.
/// </summary>
public sealed record DrugProfile
{
    public required string Slug { get; init; }
    public required string Name { get; init; }

    /// <summary>RxNorm concept ids (RxCUI) that name this drug; orders carrying one are matched to it by code.</summary>
    public IReadOnlyList<string> RxNorm { get; init; } = [];
    public required IReadOnlyList<Regimen> Regimens { get; init; }
    public AgeLimit? AgeNotEstablished { get; init; }
    public SmallPatientInfusion? SmallPatientInfusion { get; init; }
    public RenalRules? Renal { get; init; }
    public HepaticRules? Hepatic { get; init; }
    public ToxicityReduction? Toxicity { get; init; }
    public IReadOnlyList<CitedText> StopCriteria { get; init; } = [];
    public IReadOnlyList<Contraindication> Contraindications { get; init; } = [];
    public IReadOnlyList<InteractionRule> Interactions { get; init; } = [];
    public IReadOnlyList<ContraceptionRule> Contraception { get; init; } = [];
    public IReadOnlyList<CitedText> Monitoring { get; init; } = [];

    /// <summary>The general (schema 2) regimens and adjustments; null for a schema-1 profile.</summary>
    public DosingRules? Dosing { get; init; }

    /// <summary>Whether an editor has checked the rules; the calculator computes only from reviewed ones.</summary>
    public RuleReview Review { get; init; } = RuleReview.HandWritten;
}
