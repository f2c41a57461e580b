namespace Formulary.Clinical.Regimens;

/// <summary>What a regimen's amount is multiplied by: body surface area, body weight, nothing (a fixed dose) or GFR + 25 (Calvert).</summary>
public enum RegimenBasis
{
    PerSquareMetre,
    PerKilogram,
    Fixed,
    CalvertAuc,
}
