using Formulary.Clinical.Profiles;

namespace Formulary.Clinical.Regimens;

/// <summary>
/// One regimen in the general rule format (schema 2): who it is for, the basis and amount (a value or
/// a range, per dose or per day, possibly divided into N doses), how often, for how long, the route
/// and the maxima, with the sentence it was read from. Unknown parts stay null; the answer then
/// says the monograph does not state them rather than inventing them.
/// </summary>
public sealed record DoseRule
{
    public required string Id { get; init; }
    public required string Label { get; init; }
    public Population Population { get; init; } = Population.Anyone;

    /// <summary>"loading dose", "maintenance", "prophylaxis" or an indication.</summary>
    public string? Use { get; init; }

    public required RegimenBasis Basis { get; init; }

    /// <summary>mg per m², mg per kg, mg, or the target AUC (mg/mL·min) for <see cref="RegimenBasis.CalvertAuc"/>.</summary>
    public required ValueRange Amount { get; init; }

    public AmountPer Per { get; init; } = AmountPer.Dose;

    /// <summary>"divided into 3 doses": the day's amount is given in this many doses.</summary>
    public int? DividedDoses { get; init; }

    public ValueRange? IntervalHours { get; init; }
    public int? TimesPerDay { get; init; }

    /// <summary>"days 1-5", "weekly", "every 3 weeks": as written; only <see cref="Days"/> is computed with.</summary>
    public string? Schedule { get; init; }

    public int? Days { get; init; }

    /// <summary>"for 7-14 days", "until recovery": as written.</summary>
    public string? Duration { get; init; }

    public string? Route { get; init; }
    public decimal? InfusionHours { get; init; }
    public decimal? MaxPerDoseMg { get; init; }
    public decimal? MaxPerDayMg { get; init; }
    public decimal? MaxPerDayMgPerKg { get; init; }

    /// <summary>Calvert only: the highest GFR (mL/min) the formula may use, when the monograph states one.</summary>
    public decimal? GfrCapMlMin { get; init; }

    public required Citation Source { get; init; }
}
