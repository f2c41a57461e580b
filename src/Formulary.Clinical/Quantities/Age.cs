namespace Formulary.Clinical.Quantities;

/// <summary>
/// Age in years, fractional for infants (0.5 = six months). Zero is a newborn and valid.
/// "1 to 21 years old" in a monograph means 1 &lt;= age &lt; 22: someone 21 years and 6 months old
/// is still "21 years old" (see <see cref="Profiles.AgeBand"/>).
/// </summary>
public readonly record struct Age
{
    public const decimal MaximumYears = 125m;

    private Age(decimal years) => Years = years;

    public decimal Years { get; }

    public static Age FromYears(decimal years)
    {
        var problem = Problem(years);
        return problem is null ? new Age(years) : throw new ArgumentOutOfRangeException(nameof(years), years, problem);
    }

    public static string? Problem(decimal years) => years switch
    {
        < 0m => "must not be negative",
        > MaximumYears => "is above 125 years, older than any recorded human",
        _ => null,
    };

    public override string ToString() => Invariant($"{Years:0.##} years");
}
