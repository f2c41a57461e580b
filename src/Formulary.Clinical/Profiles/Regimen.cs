namespace Formulary.Clinical.Profiles;

/// <summary>
/// One dosing regimen of a drug for an age band: amount per day (per m² or per kg), route,
/// infusion time and days per cycle. Unknown schedule parts stay null and the answer says the
/// monograph does not state them.
/// </summary>
public sealed record Regimen
{
    public required string Id { get; init; }
    public required string Label { get; init; }
    public string? Indication { get; init; }

    /// <summary>The sentence stating the indication and its age band.</summary>
    public Citation? IndicationSource { get; init; }
    public required AgeBand Ages { get; init; }

    /// <summary>False when the monograph says the use is not approved (off-label); the answer warns.</summary>
    public required bool Approved { get; init; }

    public required decimal AmountMg { get; init; }
    public required DoseBasis Basis { get; init; }
    public required string Route { get; init; }
    public decimal? InfusionHours { get; init; }
    public int? Days { get; init; }

    /// <summary>Optional daily ceiling in mg (a weight-based regimen's adult cap).</summary>
    public decimal? MaxDailyMg { get; init; }

    public required Citation Source { get; init; }

    /// <summary>How cycles repeat and what must hold first; null when the monograph does not say.</summary>
    public CycleRule? Cycle { get; init; }

    /// <summary>The citation for the infusion time when it comes from another sentence.</summary>
    public Citation? InfusionSource { get; init; }

    public string BasisUnit => Basis == DoseBasis.PerSquareMetre ? "mg/m²" : "mg/kg";
}
