using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Calculators;

/// <summary>
/// The upper limit of normal (ULN) serum creatinine for age and sex, used when the laboratory gives
/// none. Source: Pottel H, Delanaye P, Weekers L, et al. Age-dependent reference intervals for
/// estimated and measured glomerular filtration rate. Clin Kidney J 2017;10:545-551
/// (doi:10.1093/ckj/sfx026), with the Q values of the full-age-spectrum equation (Pottel H et al.,
/// Nephrol Dial Transplant 2016;31:798-806): Q, the median creatinine of healthy people, rises
/// linearly with age in children (Q = 0.0270 × age + 0.2329 mg/dL) and is constant in adults
/// (0.70 mg/dL women, 0.90 mg/dL men); the reference interval of creatinine / Q is 0.67-1.33, so
/// ULN = 1.33 × Q. IDMS-traceable (enzymatic) creatinine, as laboratories report today.
/// Checked against the paper's Q table (ages 1-19, by sex; tests/…/CreatinineReferenceTests): the child
/// line is within 2 µmol/L of it for both sexes to 14 years and for girls to 19.
/// Choices (docs/decisions/0002-clinical-engine.md): under 1 year no value (neonatal creatinine
/// does not follow the line), and boys keep the child line until 20, below the paper's steeper
/// adolescent rise (64-78 µmol/L at 15-19 years), so the severe-renal test errs toward a
/// contraindication rather than away from it.
/// </summary>
public static class CreatinineReference
{
    public const decimal FromYears = 1m;
    public const decimal ChildSlopeMgPerDlPerYear = 0.0270m;
    public const decimal ChildInterceptMgPerDl = 0.2329m;
    public const decimal AdultFemaleMedianMgPerDl = 0.70m;
    public const decimal AdultMaleMedianMgPerDl = 0.90m;
    public const decimal UpperLimitTimesMedian = 1.33m;

    /// <summary>The equation's adults: from 20 years. Before that boys keep the child line (see the remarks).</summary>
    public const decimal AdultMaleFromYears = 20m;

    /// <summary>The ULN (rounded to 0.01 mg/dL, as laboratories report it) and how it was worked out; null under 1 year.</summary>
    public static (SerumCreatinine UpperLimit, string Working)? UpperLimit(Age age, Sex sex)
    {
        if (age.Years < FromYears)
        {
            return null;
        }

        var child = (ChildSlopeMgPerDlPerYear * age.Years) + ChildInterceptMgPerDl;
        var (median, how) = sex switch
        {
            Sex.Female when child >= AdultFemaleMedianMgPerDl => (AdultFemaleMedianMgPerDl, Invariant($"Q = {AdultFemaleMedianMgPerDl} mg/dL (adult women)")),
            Sex.Male when age.Years >= AdultMaleFromYears => (AdultMaleMedianMgPerDl, Invariant($"Q = {AdultMaleMedianMgPerDl} mg/dL (adult men)")),
            _ => (child, Invariant($"Q = {ChildSlopeMgPerDlPerYear} × {age.Years:0.##} + {ChildInterceptMgPerDl} = {child:0.####} mg/dL")),
        };
        var uln = Math.Round(UpperLimitTimesMedian * median, 2, MidpointRounding.AwayFromZero);
        return (SerumCreatinine.FromMgPerDl(uln), Invariant($"{how}; ULN = {UpperLimitTimesMedian} × Q = {UpperLimitTimesMedian * median:0.####} → {uln:0.00} mg/dL"));
    }
}
