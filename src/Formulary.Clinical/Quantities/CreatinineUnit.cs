namespace Formulary.Clinical.Quantities;

/// <summary>The unit a serum creatinine was entered in (88.4 µmol/L per mg/dL).</summary>
public enum CreatinineUnit
{
    MgPerDl,
    MicromolPerLitre,
}
