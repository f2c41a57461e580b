namespace Formulary.Clinical.Regimens;

/// <summary>
/// What a renal band, hepatic level or toxicity rule does: give a percentage of the dose, reduce it by
/// a percentage, extend the dosing interval to a number of hours, replace the amount, avoid the drug,
/// or monitor drug levels (a warning, no change of number).
/// </summary>
public enum AdjustmentAction
{
    PercentOfDose,
    ReduceByPercent,
    ExtendInterval,
    ReplacementDose,
    Avoid,
    MonitorLevels,
}
