namespace Formulary.Clinical.Quantities;

/// <summary>Absolute neutrophil count in 10⁹ cells/L (equal to 10³/µL).</summary>
public readonly record struct Anc
{
    private Anc(decimal perNanolitre) => CellsE9PerLitre = perNanolitre;

    public decimal CellsE9PerLitre { get; }

    public static Anc FromCellsE9PerLitre(decimal value) =>
        value is >= 0m and <= 500m ? new Anc(value) : throw new ArgumentOutOfRangeException(nameof(value), value, "must be between 0 and 500 × 10⁹/L");

    public override string ToString() => Invariant($"{CellsE9PerLitre:0.###} × 10⁹/L");
}
