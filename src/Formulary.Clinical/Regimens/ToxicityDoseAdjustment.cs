namespace Formulary.Clinical.Regimens;

/// <summary>An adjustment after significant toxicity in a previous course (the patient's prior-toxicity flag).</summary>
public sealed record ToxicityDoseAdjustment(string Condition, DoseAdjustment Adjustment);
