namespace Formulary.Clinical.Quantities;

/// <summary>Body height (length for infants) in centimetres; inches convert exactly at 2.54 cm/in.</summary>
public readonly record struct Height
{
    public const decimal CentimetresPerInch = 2.54m;

    /// <summary>Taller than any recorded human (272 cm): a unit or typing error.</summary>
    public const decimal MaximumCentimetres = 275m;

    private Height(decimal centimetres) => Centimetres = centimetres;

    public decimal Centimetres { get; }

    public decimal Metres => Centimetres / 100m;

    public static Height FromCentimetres(decimal centimetres)
    {
        var problem = Problem(centimetres);
        return problem is null ? new Height(centimetres) : throw new ArgumentOutOfRangeException(nameof(centimetres), centimetres, problem);
    }

    public static Height FromInches(decimal inches)
    {
        var problem = ProblemInInches(inches);
        return problem is null ? new Height(inches * CentimetresPerInch) : throw new ArgumentOutOfRangeException(nameof(inches), inches, problem);
    }

    /// <summary>Why <paramref name="inches"/> cannot be a height; checked before converting, so no value overflows.</summary>
    public static string? ProblemInInches(decimal inches) =>
        inches > MaximumCentimetres / CentimetresPerInch ? "is above 108 in (275 cm), taller than any recorded human" : Problem(inches * CentimetresPerInch);

    public static string? Problem(decimal centimetres) => centimetres switch
    {
        <= 0m => "must be greater than zero",
        > MaximumCentimetres => "is above 275 cm, taller than any recorded human",
        _ => null,
    };

    public override string ToString() => Invariant($"{Centimetres:0.##} cm");
}
