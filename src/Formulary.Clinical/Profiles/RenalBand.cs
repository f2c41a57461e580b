namespace Formulary.Clinical.Profiles;

/// <summary>A kidney-function band, both ends inclusive (mL/min), and the dose factor it calls for.</summary>
public sealed record RenalBand(string Code, decimal MinMlMin, decimal MaxMlMin, decimal Factor, Citation Source)
{
    public bool Contains(decimal value) => value >= MinMlMin && value <= MaxMlMin;
}
