using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Profiles;

/// <summary>
/// Ages from <see cref="MinYears"/> (inclusive) to below <see cref="BelowYears"/> (exclusive).
/// "1 to 21 years old" is written min 1, below 22: on their 22nd birthday a patient is "over 21".
/// </summary>
public sealed record AgeBand(decimal? MinYears, decimal? BelowYears)
{
    public bool Contains(Age age) =>
        (MinYears is not { } min || age.Years >= min) && (BelowYears is not { } below || age.Years < below);

    public override string ToString() => (MinYears, BelowYears) switch
    {
        ({ } min, { } below) => Invariant($"{min} to under {below} years"),
        ({ } min, null) => Invariant($"{min} years and over"),
        (null, { } below) => Invariant($"under {below} years"),
        _ => "any age",
    };
}
