namespace Formulary.Clinical.Quantities;

/// <summary>
/// Serum creatinine, held in mg/dL; µmol/L convert at 88.4 µmol/L per mg/dL (the conventional
/// factor: molar mass of creatinine 113.12 g/mol gives 88.42, rounded to 88.4 in clinical use).
/// </summary>
public readonly record struct SerumCreatinine
{
    public const decimal MicromolPerLitrePerMgPerDl = 88.4m;

    /// <summary>
    /// Plausible range in mg/dL: from 0.1 (a healthy newborn or child with little muscle) to 20
    /// (end-stage kidney failure before dialysis rarely exceeds 15-20). Values outside are refused:
    /// 88 "mg/dL" is almost certainly 88 µmol/L (1.0 mg/dL); 0.9 "µmol/L" is almost certainly 0.9 mg/dL.
    /// </summary>
    public const decimal MinimumMgPerDl = 0.1m;

    public const decimal MaximumMgPerDl = 20m;

    private SerumCreatinine(decimal mgPerDl) => MgPerDl = mgPerDl;

    public decimal MgPerDl { get; }

    public decimal MicromolPerLitre => MgPerDl * MicromolPerLitrePerMgPerDl;

    public static SerumCreatinine FromMgPerDl(decimal mgPerDl)
    {
        var problem = ProblemInMgPerDl(mgPerDl);
        return problem is null ? new SerumCreatinine(mgPerDl) : throw new ArgumentOutOfRangeException(nameof(mgPerDl), mgPerDl, problem);
    }

    public static SerumCreatinine FromMicromolPerLitre(decimal micromolPerLitre)
    {
        var problem = ProblemInMicromolPerLitre(micromolPerLitre);
        return problem is null
            ? new SerumCreatinine(micromolPerLitre / MicromolPerLitrePerMgPerDl)
            : throw new ArgumentOutOfRangeException(nameof(micromolPerLitre), micromolPerLitre, problem);
    }

    public static string? ProblemInMgPerDl(decimal mgPerDl) => mgPerDl switch
    {
        <= 0m => "must be greater than zero",
        > MaximumMgPerDl when mgPerDl / MicromolPerLitrePerMgPerDl <= MaximumMgPerDl =>
            Invariant($"{mgPerDl} mg/dL is far above any living patient's value (plausible {MinimumMgPerDl}-{MaximumMgPerDl} mg/dL); it looks like µmol/L ({mgPerDl} µmol/L = {mgPerDl / MicromolPerLitrePerMgPerDl:0.00} mg/dL): send it as µmol/L if so"),
        > MaximumMgPerDl => Invariant($"{mgPerDl} mg/dL is far above any living patient's value (plausible {MinimumMgPerDl}-{MaximumMgPerDl} mg/dL)"),
        < MinimumMgPerDl => Invariant($"{mgPerDl} mg/dL is below any plausible value ({MinimumMgPerDl}-{MaximumMgPerDl} mg/dL)"),
        _ => null,
    };

    public static string? ProblemInMicromolPerLitre(decimal micromolPerLitre) => micromolPerLitre switch
    {
        <= 0m => "must be greater than zero",
        < MinimumMgPerDl * MicromolPerLitrePerMgPerDl when micromolPerLitre >= MinimumMgPerDl =>
            Invariant($"{micromolPerLitre} µmol/L is below any plausible value ({MinimumMgPerDl * MicromolPerLitrePerMgPerDl:0.##}-{MaximumMgPerDl * MicromolPerLitrePerMgPerDl:0} µmol/L); it looks like mg/dL: send it as mg/dL if so"),
        < MinimumMgPerDl * MicromolPerLitrePerMgPerDl => Invariant($"{micromolPerLitre} µmol/L is below any plausible value ({MinimumMgPerDl * MicromolPerLitrePerMgPerDl:0.##}-{MaximumMgPerDl * MicromolPerLitrePerMgPerDl:0} µmol/L)"),
        > MaximumMgPerDl * MicromolPerLitrePerMgPerDl => Invariant($"{micromolPerLitre} µmol/L is far above any living patient's value (plausible up to {MaximumMgPerDl * MicromolPerLitrePerMgPerDl:0} µmol/L)"),
        _ => null,
    };

    public override string ToString() => Invariant($"{MgPerDl:0.###} mg/dL");
}
