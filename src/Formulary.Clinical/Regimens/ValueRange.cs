namespace Formulary.Clinical.Regimens;

/// <summary>A value or a range as the monograph states it ("5-7 mg/kg", "every 8-12 hours"); Min == Max for a single value.</summary>
public sealed record ValueRange(decimal Min, decimal Max)
{
    public static ValueRange Of(decimal value) => new(value, value);

    public ValueRange Times(decimal factor) => new(Min * factor, Max * factor);

    public override string ToString() => Min == Max ? Invariant($"{Min:0.####}") : Invariant($"{Min:0.####}-{Max:0.####}");
}
