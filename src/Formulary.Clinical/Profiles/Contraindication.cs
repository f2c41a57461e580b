namespace Formulary.Clinical.Profiles;

/// <summary>A contraindication with its source; <see cref="Note"/> records, for example, that sections disagree.</summary>
public sealed record Contraindication(ContraindicationCondition Condition, Citation Source, string? Note = null);
