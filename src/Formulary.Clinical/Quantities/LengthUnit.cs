namespace Formulary.Clinical.Quantities;

/// <summary>The unit a height was entered in.</summary>
public enum LengthUnit
{
    Centimetre,
    Inch,
}
