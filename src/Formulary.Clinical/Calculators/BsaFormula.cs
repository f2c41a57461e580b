namespace Formulary.Clinical.Calculators;

/// <summary>The body surface area formulas an institution may choose (Mosteller is the default).</summary>
public enum BsaFormula
{
    Mosteller,
    DuBois,
    Haycock,
    GehanGeorge,
    Boyd,
}
