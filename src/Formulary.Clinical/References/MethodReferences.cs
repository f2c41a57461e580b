namespace Formulary.Clinical.References;

/// <summary>
/// The published sources of Formulary's own methods, one place for all (the decision record
/// docs/decisions/0002-clinical-engine.md says why each was chosen). Alerts that are not a
/// monograph rule cite one of these.
/// </summary>
public static class MethodReferences
{
    public const string Decision = "docs/decisions/0002-clinical-engine.md";

    public static MethodReference BedsideSchwartz { get; } = new(
        "Schwartz GJ et al. New equations to estimate GFR in children with CKD. J Am Soc Nephrol 2009;20:629-637",
        "https://doi.org/10.1681/ASN.2008030287",
        Decision);

    public static MethodReference CockcroftGault { get; } = new(
        "Cockcroft DW, Gault MH. Prediction of creatinine clearance from serum creatinine. Nephron 1976;16:31-41",
        "https://doi.org/10.1159/000180580",
        Decision);

    /// <summary>Adjusted body weight for Cockcroft-Gault in obesity (with Devine's ideal body weight).</summary>
    public static MethodReference ObesityCockcroftGault { get; } = new(
        "Winter MA et al. Impact of various body weights and serum creatinine concentrations on the bias and accuracy of the Cockcroft-Gault equation. Pharmacotherapy 2012;32:604-612",
        "https://doi.org/10.1002/j.1875-9114.2012.01098.x",
        Decision);

    /// <summary>The age- and sex-specific serum creatinine reference (Q and its 1.33 × Q upper limit).</summary>
    public static MethodReference CreatinineReference { get; } = new(
        "Pottel H et al. Age-dependent reference intervals for estimated and measured glomerular filtration rate. Clin Kidney J 2017;10:545-551",
        "https://doi.org/10.1093/ckj/sfx026",
        Decision);

    public static MethodReference DoseRounding { get; } = new(
        "Fahrenbruch R et al. Dose rounding of biologic and cytotoxic anticancer agents: a position statement of the Hematology/Oncology Pharmacy Association. J Oncol Pract 2018;14:e130-e136",
        "https://doi.org/10.1200/JOP.2017.025411",
        Decision);

    public static MethodReference BsaCap { get; } = new(
        "Griggs JJ et al. Appropriate chemotherapy dosing for obese adult patients with cancer: ASCO clinical practice guideline. J Clin Oncol 2012;30:1553-1561",
        "https://doi.org/10.1200/JCO.2011.39.9436",
        Decision);

    public static MethodReference GrowthCharts { get; } = new(
        "Kuczmarski RJ et al. 2000 CDC growth charts for the United States: methods and development. Vital Health Stat 11(246), 2002; with the WHO Child Growth Standards (2006) under 2 years",
        "https://www.cdc.gov/nchs/data/series/sr_11/sr11_246.pdf",
        Decision);

    public static MethodReference InteractionClasses { get; } = new(
        "Naughton CA. Drug-induced nephrotoxicity. Am Fam Physician 2008;78:743-750; LiverTox, NIDDK (hepatotoxicity likelihood A/B)",
        "https://www.ncbi.nlm.nih.gov/books/NBK547852/",
        Decision);

    /// <summary>Rules no editor has reviewed are a draft: the decision record says why they never dose a patient.</summary>
    public static MethodReference DraftRules { get; } = new(
        "Formulary decision record 0002: rules drafted from prose compute only after an editor's review",
        Decision,
        Decision);

    /// <summary>Where the monograph is silent Formulary changes nothing and says so; the decision record is the source.</summary>
    public static MethodReference MonographSilent { get; } = new(
        "Formulary decision record 0002: where the monograph is silent, no dose or rule is invented",
        Decision,
        Decision);
}
