namespace Formulary.Clinical.Profiles;

/// <summary>What a regimen's amount is per: mg/m² of body surface area or mg/kg of body weight.</summary>
public enum DoseBasis
{
    PerSquareMetre,
    PerKilogram,
}
