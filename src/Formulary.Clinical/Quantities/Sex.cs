namespace Formulary.Clinical.Quantities;

/// <summary>Sex as used by the equations (Cockcroft-Gault's 0.85) and contraception windows.</summary>
public enum Sex
{
    Female,
    Male,
}
