namespace Formulary.Clinical.Quantities;

public enum RenalFunctionUnit
{
    /// <summary>Creatinine clearance, absolute (Cockcroft-Gault).</summary>
    MlPerMinute,

    /// <summary>GFR normalized to 1.73 m² body surface area (Schwartz).</summary>
    MlPerMinutePer173SquareMetres,
}
