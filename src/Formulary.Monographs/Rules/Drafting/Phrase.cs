using Formulary.Clinical.Regimens;

namespace Formulary.Monographs.Rules.Drafting;

/// <summary>
/// A piece of a dosing sentence the grammar recognised, with the index of its first token. The
/// closed set of phrases is nested here so that the sentence assemblers can switch over it.
/// </summary>
internal abstract record Phrase
{
    public int At { get; init; }

    /// <summary>"15 mg/kg", "500 mg to 1 g", "100-200 mg/kg/day": milligrams (g and mcg converted).</summary>
    public sealed record Amount(ValueRange Mg, RegimenBasis Basis, AmountPer? Per) : Phrase;

    /// <summary>"target AUC 5", "AUC of 4-6".</summary>
    public sealed record Auc(ValueRange Target) : Phrase;

    /// <summary>"Dose (mg) = Target AUC x (GFR + 25)".</summary>
    public sealed record CalvertFormula : Phrase;

    /// <summary>"maximum daily dose: 60 mg/kg/day", "not exceeding 4 g/day", "max 2.5 g".</summary>
    public sealed record Maximum(Amount Limit, MaximumScope Scope) : Phrase;

    /// <summary>"every 4-6 hours", "q8h", "twice daily", "BID", "weekly".</summary>
    public sealed record Frequency(ValueRange? IntervalHours, int? TimesPerDay, string? Schedule) : Phrase;

    /// <summary>"divided into 3 doses", "in 2-3 divided doses".</summary>
    public sealed record Divided(ValueRange? Doses) : Phrase;

    /// <summary>"for 5 consecutive days", "for 2 weeks" (days), "for up to 5 days".</summary>
    public sealed record Duration(ValueRange Days, string Text) : Phrase;

    /// <summary>"over 2 hours", "over 30-60 minutes" (hours).</summary>
    public sealed record Infusion(ValueRange Hours) : Phrase;

    public sealed record Route(string Name) : Phrase;

    /// <summary>"neonates", "children", "adults": who the sentence speaks of.</summary>
    public sealed record Group(string Label) : Phrase;

    /// <summary>An age band: from <see cref="Min"/> inclusive to below <see cref="Below"/>, in <see cref="Unit"/>.</summary>
    public sealed record Age(decimal? Min, decimal? Below, AgeUnit Unit) : Phrase;

    /// <summary>A weight band in kg: from <see cref="Min"/> inclusive to below <see cref="Below"/>.</summary>
    public sealed record Weight(decimal? Min, decimal? Below) : Phrase;

    /// <summary>"loading dose", "maintenance dose", "prophylaxis".</summary>
    public sealed record Use(string Name) : Phrase;

    /// <summary>"CrCl 30-60 mL/min", "eGFR &lt; 30", "creatinine clearance below 10 mL/min".</summary>
    public sealed record RenalThreshold(RenalMeasure? Measure, decimal? Min, bool MinInclusive, decimal? Max, bool MaxInclusive) : Phrase;

    /// <summary>"reduce the dose by 50%", "25% dose reduction".</summary>
    public sealed record ReduceBy(ValueRange Percent) : Phrase;

    /// <summary>"50% of the usual dose", "give 75%".</summary>
    public sealed record PercentOf(ValueRange Percent) : Phrase;

    /// <summary>"avoid", "contraindicated", "not recommended", "do not use".</summary>
    public sealed record Avoid : Phrase;

    /// <summary>"monitor ... levels".</summary>
    public sealed record Monitor : Phrase;
}
