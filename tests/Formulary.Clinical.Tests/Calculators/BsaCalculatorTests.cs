using Formulary.Clinical.Calculators;
using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Tests.Calculators;

/// <summary>
/// Expected values computed by hand (a pocket calculator, 6+ significant digits) from the
/// published formulas, never by this code:
///   Mosteller RD, N Engl J Med 1987;317:1098            √(H cm × W kg / 3600)
///   Du Bois D, Du Bois EF, Arch Intern Med 1916;17:863  0.007184 × W^0.425 × H^0.725
///   Haycock GB et al., J Pediatr 1978;93:62             0.024265 × W^0.5378 × H^0.3964
///   Gehan EA, George SL, Cancer Chemother Rep 1970;54:225  0.0235 × W^0.51456 × H^0.42246
///   Boyd E, The Growth of the Surface Area of the Human Body, 1935
///                                                       0.0003207 × H^0.3 × Wg^(0.7285 − 0.0188 × log10 Wg)
/// The calculator carries 4 decimals, so each expected value is the hand result rounded to 4.
/// </summary>
public sealed class BsaCalculatorTests
{
    public static TheoryData<BsaFormula, decimal, decimal, decimal> Cases => new()
    {
        // 170 × 70 = 11900; / 3600 = 3.305556; √ = 1.818119
        { BsaFormula.Mosteller, 70m, 170m, 1.8181m },
        // 125 × 25 = 3125; / 3600 = 0.868056; √ = 0.931695
        { BsaFormula.Mosteller, 25m, 125m, 0.9317m },
        // 75 × 10 = 750; / 3600 = 0.208333; √ = 0.456435
        { BsaFormula.Mosteller, 10m, 75m, 0.4564m },
        // 138 × 32 = 4416; / 3600 = 1.2266667; √ = 1.1075498 (rounds to 1.1075, not 1.1076)
        { BsaFormula.Mosteller, 32m, 138m, 1.1075m },
        // 70^0.425 = 6.083684; 170^0.725 = 41.407162; 0.007184 × 6.083684 × 41.407162 = 1.809708
        { BsaFormula.DuBois, 70m, 170m, 1.8097m },
        // 25^0.425 = 3.927575; 125^0.725 = 33.132924; 0.007184 × 3.927575 × 33.132924 = 0.934869
        { BsaFormula.DuBois, 25m, 125m, 0.9349m },
        // 10^0.425 = 2.660725; 75^0.725 = 22.878072; 0.007184 × 2.660725 × 22.878072 = 0.437306
        { BsaFormula.DuBois, 10m, 75m, 0.4373m },
        // 70^0.5378 = 9.824122; 170^0.3964 = 7.658610; 0.024265 × 9.824122 × 7.658610 = 1.825677
        { BsaFormula.Haycock, 70m, 170m, 1.8257m },
        // 25^0.5378 = 5.646927; 125^0.3964 = 6.779773; 0.024265 × 5.646927 × 6.779773 = 0.928983
        { BsaFormula.Haycock, 25m, 125m, 0.9290m },
        // 10^0.5378 = 3.449848; 75^0.3964 = 5.536997; 0.024265 × 3.449848 × 5.536997 = 0.463505
        { BsaFormula.Haycock, 10m, 75m, 0.4635m },
        // 70^0.51456 = 8.900484; 170^0.42246 = 8.755389; 0.0235 × 8.900484 × 8.755389 = 1.831289
        { BsaFormula.GehanGeorge, 70m, 170m, 1.8313m },
        // 25^0.51456 = 5.239912; 125^0.42246 = 7.688836; 0.0235 × 5.239912 × 7.688836 = 0.946787
        { BsaFormula.GehanGeorge, 25m, 125m, 0.9468m },
        // 10^0.51456 = 3.270092; 75^0.42246 = 6.196385; 0.0235 × 3.270092 × 6.196385 = 0.476175
        { BsaFormula.GehanGeorge, 10m, 75m, 0.4762m },
        // Wg = 70000; exponent 0.7285 − 0.0188 × 4.845098 = 0.637412; 70000^0.637412 = 1225.5313;
        // 170^0.3 = 4.668041; 0.0003207 × 4.668041 × 1225.5313 = 1.834670
        { BsaFormula.Boyd, 70m, 170m, 1.8347m },
        // Wg = 25000; exponent 0.7285 − 0.0188 × 4.397940 = 0.645819; 25000^0.645819 = 692.2644;
        // 125^0.3 = 4.256700; 0.0003207 × 4.256700 × 692.2644 = 0.945026
        { BsaFormula.Boyd, 25m, 125m, 0.9450m },
        // Wg = 10000; exponent 0.7285 − 0.0188 × 4 = 0.6533; 10000^0.6533 = 410.3931;
        // 75^0.3 = 3.651896; 0.0003207 × 3.651896 × 410.3931 = 0.480637
        { BsaFormula.Boyd, 10m, 75m, 0.4806m },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_PublishedFormula_MatchesHandComputedValue(BsaFormula formula, decimal kg, decimal cm, decimal expected)
    {
        var bsa = BsaCalculator.Compute(formula, BodyWeight.FromKilograms(kg), Height.FromCentimetres(cm));

        Assert.Equal(expected, bsa.SquareMetres);
    }

    [Fact]
    public void Compute_PoundsAndInches_SameAsMetricEquivalent()
    {
        // 154.3236 lb × 0.45359237 = 70.0000 kg; 66.9291 in × 2.54 = 170.0000 cm (to 4 decimals)
        var imperial = BsaCalculator.Compute(BsaFormula.Mosteller, BodyWeight.FromPounds(154.3236m), Height.FromInches(66.9291m));

        Assert.Equal(1.8181m, imperial.SquareMetres);
    }

    [Theory]
    [InlineData("mosteller", BsaFormula.Mosteller)]
    [InlineData("DuBois", BsaFormula.DuBois)]
    [InlineData("gehan-george", BsaFormula.GehanGeorge)]
    [InlineData("boyd", BsaFormula.Boyd)]
    public void TryParse_KnownName_ReturnsFormula(string name, BsaFormula expected)
    {
        Assert.True(BsaCalculator.TryParse(name, out var formula));
        Assert.Equal(expected, formula);
    }

    [Fact]
    public void TryParse_UnknownName_ReturnsFalse() => Assert.False(BsaCalculator.TryParse("fujimoto", out _));
}
