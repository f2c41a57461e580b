namespace Formulary.Clinical.Quantities;

/// <summary>
/// Body weight, held in kilograms exactly as entered (pounds are converted once, exactly, at
/// 0.45359237 kg/lb, the international avoirdupois pound). Always &gt; 0 and physically possible;
/// whether it is plausible for the patient's age is <see cref="Patients.PlausibleRanges"/>' job.
/// </summary>
public readonly record struct BodyWeight
{
    public const decimal KilogramsPerPound = 0.45359237m;

    /// <summary>Heavier than any recorded human: a unit or typing error, never a patient.</summary>
    public const decimal MaximumKilograms = 650m;

    private BodyWeight(decimal kilograms) => Kilograms = kilograms;

    public decimal Kilograms { get; }

    public decimal Grams => Kilograms * 1000m;

    public static BodyWeight FromKilograms(decimal kilograms)
    {
        var problem = Problem(kilograms);
        return problem is null ? new BodyWeight(kilograms) : throw new ArgumentOutOfRangeException(nameof(kilograms), kilograms, problem);
    }

    public static BodyWeight FromPounds(decimal pounds)
    {
        var problem = ProblemInPounds(pounds);
        return problem is null ? new BodyWeight(pounds * KilogramsPerPound) : throw new ArgumentOutOfRangeException(nameof(pounds), pounds, problem);
    }

    /// <summary>Why <paramref name="pounds"/> cannot be a body weight; checked before converting, so no value overflows.</summary>
    public static string? ProblemInPounds(decimal pounds) =>
        pounds > MaximumKilograms / KilogramsPerPound ? "is above 1433 lb (650 kg), heavier than any recorded human" : Problem(pounds * KilogramsPerPound);

    /// <summary>Why <paramref name="kilograms"/> cannot be a body weight, or null when it can.</summary>
    public static string? Problem(decimal kilograms) => kilograms switch
    {
        <= 0m => "must be greater than zero",
        > MaximumKilograms => "is above 650 kg, heavier than any recorded human",
        _ => null,
    };

    public override string ToString() => Invariant($"{Kilograms:0.###} kg");
}
