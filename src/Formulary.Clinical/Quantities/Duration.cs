namespace Formulary.Clinical.Quantities;

/// <summary>An infusion duration in hours, greater than zero and at most one week.</summary>
public readonly record struct Duration
{
    private Duration(decimal hours) => Hours = hours;

    public decimal Hours { get; }

    public static Duration FromHours(decimal hours) =>
        hours is > 0m and <= 168m ? new Duration(hours) : throw new ArgumentOutOfRangeException(nameof(hours), hours, "must be between 0 (exclusive) and 168 hours");

    public override string ToString() => Invariant($"{Hours:0.##} h");
}
