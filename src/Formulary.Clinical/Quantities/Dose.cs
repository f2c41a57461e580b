namespace Formulary.Clinical.Quantities;

/// <summary>An amount of drug given to a patient, in milligrams. Never negative.</summary>
public readonly record struct Dose : IComparable<Dose>
{
    private Dose(decimal milligrams) => Milligrams = milligrams;

    public decimal Milligrams { get; }

    public static Dose FromMilligrams(decimal milligrams) =>
        milligrams >= 0m ? new Dose(milligrams) : throw new ArgumentOutOfRangeException(nameof(milligrams), milligrams, "must not be negative");

    /// <summary>
    /// Rounds once, at the boundary, to a multiple of <paramref name="incrementMg"/> with the given
    /// midpoint rule. Rounding to nearest is monotonic, so a reduced dose never rounds above the
    /// unreduced one.
    /// </summary>
    public Dose RoundTo(decimal incrementMg, MidpointRounding midpoint)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(incrementMg);
        return new Dose(Math.Round(Milligrams / incrementMg, 0, midpoint) * incrementMg);
    }

    public Dose Times(decimal factor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(factor);
        return new Dose(Milligrams * factor);
    }

    public int CompareTo(Dose other) => Milligrams.CompareTo(other.Milligrams);

    public static bool operator <(Dose left, Dose right) => left.CompareTo(right) < 0;

    public static bool operator >(Dose left, Dose right) => left.CompareTo(right) > 0;

    public static bool operator <=(Dose left, Dose right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Dose left, Dose right) => left.CompareTo(right) >= 0;

    public override string ToString() => Invariant($"{Milligrams:0.###} mg");
}
