namespace Formulary.Clinical.Regimens;

/// <summary>What a renal band's thresholds are written in: creatinine clearance (mL/min) or eGFR (mL/min/1.73 m²).</summary>
public enum RenalMeasure
{
    CreatinineClearance,
    Egfr,
}
