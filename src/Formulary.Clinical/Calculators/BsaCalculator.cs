using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Calculators;

/// <summary>
/// Body surface area from weight and height. The power laws need floating point; inputs are exact
/// decimals, the result is carried to 4 decimals (0.0001 m²), far below any clinical difference,
/// so the trace can show the exact number every later step multiplies.
/// </summary>
public static class BsaCalculator
{
    public static BodySurfaceArea Compute(BsaFormula formula, BodyWeight weight, Height height)
    {
        var kg = (double)weight.Kilograms;
        var cm = (double)height.Centimetres;
        var squareMetres = formula switch
        {
            // Mosteller RD. Simplified calculation of body-surface area. N Engl J Med 1987;317:1098.
            BsaFormula.Mosteller => Math.Sqrt(cm * kg / 3600d),

            // Du Bois D, Du Bois EF. Arch Intern Med 1916;17:863-871.
            BsaFormula.DuBois => 0.007184d * Math.Pow(kg, 0.425d) * Math.Pow(cm, 0.725d),

            // Haycock GB, Schwartz GJ, Wisotsky DH. J Pediatr 1978;93:62-66.
            BsaFormula.Haycock => 0.024265d * Math.Pow(kg, 0.5378d) * Math.Pow(cm, 0.3964d),

            // Gehan EA, George SL. Cancer Chemother Rep 1970;54:225-235.
            BsaFormula.GehanGeorge => 0.0235d * Math.Pow(kg, 0.51456d) * Math.Pow(cm, 0.42246d),

            // Boyd E. The Growth of the Surface Area of the Human Body. 1935; weight in grams.
            BsaFormula.Boyd => Boyd(kg * 1000d, cm),

            _ => throw new ArgumentOutOfRangeException(nameof(formula), formula, "unknown BSA formula"),
        };

        return BodySurfaceArea.FromSquareMetres(Math.Round((decimal)squareMetres, 4, MidpointRounding.AwayFromZero));
    }

    /// <summary>The formula as a person would write it, for the trace.</summary>
    public static string Describe(BsaFormula formula) => formula switch
    {
        BsaFormula.Mosteller => "Mosteller: √(height cm × weight kg / 3600)",
        BsaFormula.DuBois => "DuBois: 0.007184 × weight kg^0.425 × height cm^0.725",
        BsaFormula.Haycock => "Haycock: 0.024265 × weight kg^0.5378 × height cm^0.3964",
        BsaFormula.GehanGeorge => "Gehan-George: 0.0235 × weight kg^0.51456 × height cm^0.42246",
        BsaFormula.Boyd => "Boyd: 0.0003207 × height cm^0.3 × weight g^(0.7285 − 0.0188 × log10 weight g)",
        _ => throw new ArgumentOutOfRangeException(nameof(formula), formula, "unknown BSA formula"),
    };

    /// <summary>The wire name of a formula (<c>mosteller</c>, <c>dubois</c>, <c>haycock</c>, <c>gehan-george</c>, <c>boyd</c>).</summary>
    public static string WireName(BsaFormula formula) => formula switch
    {
        BsaFormula.GehanGeorge => "gehan-george",
        _ => formula.LowerCase(),
    };

    public static bool TryParse(string? name, out BsaFormula formula)
    {
        var normalized = (name ?? string.Empty).Replace("-", string.Empty, StringComparison.Ordinal)
            .Replace("_", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        foreach (var candidate in Enum.GetValues<BsaFormula>())
        {
            if (string.Equals(normalized, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                formula = candidate;
                return true;
            }
        }

        formula = default;
        return false;
    }

    private static double Boyd(double grams, double cm) =>
        0.0003207d * Math.Pow(cm, 0.3d) * Math.Pow(grams, 0.7285d - (0.0188d * Math.Log10(grams)));
}
