namespace Formulary.Clinical.Quantities;

/// <summary>The unit a body weight was entered in.</summary>
public enum MassUnit
{
    Kilogram,
    Pound,
}
