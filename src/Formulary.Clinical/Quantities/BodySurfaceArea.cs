namespace Formulary.Clinical.Quantities;

/// <summary>
/// Body surface area in m², unrounded as the formula produced it (rounded only for display).
/// </summary>
public readonly record struct BodySurfaceArea : IComparable<BodySurfaceArea>
{
    /// <summary>Far above any human (the largest estimates are under 4 m²).</summary>
    public const decimal MaximumSquareMetres = 6m;

    private BodySurfaceArea(decimal squareMetres) => SquareMetres = squareMetres;

    public decimal SquareMetres { get; }

    public static BodySurfaceArea FromSquareMetres(decimal squareMetres)
    {
        var problem = Problem(squareMetres);
        return problem is null ? new BodySurfaceArea(squareMetres) : throw new ArgumentOutOfRangeException(nameof(squareMetres), squareMetres, problem);
    }

    public static string? Problem(decimal squareMetres) => squareMetres switch
    {
        <= 0m => "must be greater than zero",
        > MaximumSquareMetres => "is above 6 m², larger than any human",
        _ => null,
    };

    public int CompareTo(BodySurfaceArea other) => SquareMetres.CompareTo(other.SquareMetres);

    public static bool operator <(BodySurfaceArea left, BodySurfaceArea right) => left.CompareTo(right) < 0;

    public static bool operator >(BodySurfaceArea left, BodySurfaceArea right) => left.CompareTo(right) > 0;

    public static bool operator <=(BodySurfaceArea left, BodySurfaceArea right) => left.CompareTo(right) <= 0;

    public static bool operator >=(BodySurfaceArea left, BodySurfaceArea right) => left.CompareTo(right) >= 0;

    public override string ToString() => Invariant($"{SquareMetres:0.0000} m²");
}
