using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Patients;

/// <summary>Short constructors for <see cref="Measurement{TUnit}"/>, for the edges and tests.</summary>
public static class Measure
{
    public static Measurement<MassUnit> Kilograms(decimal value, DateOnly? on = null) => new(value, MassUnit.Kilogram, on);

    public static Measurement<MassUnit> Pounds(decimal value, DateOnly? on = null) => new(value, MassUnit.Pound, on);

    public static Measurement<LengthUnit> Centimetres(decimal value, DateOnly? on = null) => new(value, LengthUnit.Centimetre, on);

    public static Measurement<LengthUnit> Inches(decimal value, DateOnly? on = null) => new(value, LengthUnit.Inch, on);

    public static Measurement<CreatinineUnit> MgPerDl(decimal value, DateOnly? on = null) => new(value, CreatinineUnit.MgPerDl, on);

    public static Measurement<CreatinineUnit> MicromolPerLitre(decimal value, DateOnly? on = null) => new(value, CreatinineUnit.MicromolPerLitre, on);
}
