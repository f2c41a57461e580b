using Formulary.Clinical.Profiles;
using Formulary.Clinical.Regimens;

namespace Formulary.Monographs.Rules.Drafting;

/// <summary>
/// Turns a sentence's amounts into regimens. Each amount owns the phrases after it up to the next
/// amount ("1.5 mg/kg every 8 hours or 5-7 mg/kg once daily" is two regimens); what comes before the
/// first amount (who, what for, the route) is shared. A maximum attaches to the amount before it.
/// </summary>
internal static class RegimenReading
{
    /// <summary>Amounts beyond these are not doses (a misread number): the sentence is left unread.</summary>
    private static bool Plausible(RegimenBasis basis, ValueRange amount) => amount.Min > 0m && basis switch
    {
        RegimenBasis.PerKilogram => amount.Max <= 1000m,
        RegimenBasis.PerSquareMetre => amount.Max <= 20000m,
        RegimenBasis.CalvertAuc => amount.Max <= 20m,
        _ => amount.Max <= 100000m,
    };

    public static IReadOnlyList<DraftRegimen> Regimens(IReadOnlyList<Phrase> phrases, Citation source, SectionPopulation section, Func<string, string> id)
    {
        var amounts = phrases.Select((p, i) => (Phrase: p, Index: i)).Where(p => p.Phrase is Phrase.Amount or Phrase.Auc).ToList();
        if (amounts.Count == 0)
        {
            return [];
        }

        var shared = phrases.Take(amounts[0].Index).ToList();
        var fromSentence = shared.Any(p => p is Phrase.Group or Phrase.Age or Phrase.Weight);
        var population = SectionPopulation.PopulationOf(shared, section.Population);
        var use = shared.OfType<Phrase.Use>().FirstOrDefault()?.Name;
        var regimens = new List<DraftRegimen>();
        for (var k = 0; k < amounts.Count; k++)
        {
            var end = k + 1 < amounts.Count ? amounts[k + 1].Index : phrases.Count;
            var own = phrases.Skip(amounts[k].Index + 1).Take(end - amounts[k].Index - 1).ToList();
            var (basis, amount, per) = amounts[k].Phrase switch
            {
                Phrase.Auc auc => (RegimenBasis.CalvertAuc, auc.Target, (AmountPer?)AmountPer.Dose),
                Phrase.Amount a => (a.Basis, a.Mg, a.Per),
                _ => throw new InvalidOperationException("not an amount"),
            };
            if (!Plausible(basis, amount))
            {
                continue;
            }

            var rule = Rule(own, shared, basis, amount, per, source) with
            {
                Population = SectionPopulation.PopulationOf(own.TakeWhile(p => p is not Phrase.Maximum), population),
                Use = own.OfType<Phrase.Use>().FirstOrDefault()?.Name ?? use,
            };
            var label = string.Join(", ", new[] { rule.Population.Label, rule.Use }.OfType<string>().DefaultIfEmpty("all patients"));
            rule = rule with { Id = id(label), Label = label };
            regimens.Add(new DraftRegimen(rule, fromSentence ? null : section.Source));
        }

        return regimens;
    }

    private static DoseRule Rule(List<Phrase> own, List<Phrase> shared, RegimenBasis basis, ValueRange amount, AmountPer? per, Citation source)
    {
        T? Find<T>()
            where T : Phrase => own.OfType<T>().FirstOrDefault() ?? shared.OfType<T>().FirstOrDefault();

        var frequency = Find<Phrase.Frequency>();
        var divided = Find<Phrase.Divided>();
        var duration = Find<Phrase.Duration>();
        var stated = per ?? (divided is not null ? AmountPer.Day : AmountPer.Dose);
        var rule = new DoseRule
        {
            Id = string.Empty,
            Label = string.Empty,
            Basis = basis,
            Amount = amount,
            Per = stated,
            DividedDoses = divided?.Doses is { } d && d.Min == d.Max ? (int)d.Min : null,
            IntervalHours = frequency?.IntervalHours,
            TimesPerDay = divided is null ? frequency?.TimesPerDay : null,
            Schedule = frequency?.Schedule ?? (divided?.Doses is { } range && range.Min != range.Max ? Invariant($"in {range} divided doses") : null),
            Days = duration is { } t && t.Days.Min == t.Days.Max && t.Days.Max <= 365m ? (int)t.Days.Max : null,
            Duration = duration?.Text,
            Route = Find<Phrase.Route>()?.Name,
            InfusionHours = Find<Phrase.Infusion>()?.Hours.Max,
            Source = source,
        };
        foreach (var maximum in own.OfType<Phrase.Maximum>().Concat(shared.OfType<Phrase.Maximum>()))
        {
            rule = WithMaximum(rule, maximum);
        }

        return rule;
    }

    /// <summary>A maximum in mg per dose or per day, or in mg/kg per day; others (mg/m², mg/kg per dose) are left to the editor.</summary>
    public static DoseRule WithMaximum(DoseRule rule, Phrase.Maximum maximum)
    {
        var limit = maximum.Limit;
        var perDay = maximum.Scope == MaximumScope.Day
            || (maximum.Scope == MaximumScope.Unstated && (limit.Per == AmountPer.Day || (limit.Basis == RegimenBasis.PerKilogram ? rule.Per == AmountPer.Day : rule.Per == AmountPer.Day && rule.Basis != RegimenBasis.Fixed)));
        return limit.Basis switch
        {
            RegimenBasis.Fixed when perDay => rule with { MaxPerDayMg = rule.MaxPerDayMg ?? limit.Mg.Max },
            RegimenBasis.Fixed => rule with { MaxPerDoseMg = rule.MaxPerDoseMg ?? limit.Mg.Max },
            RegimenBasis.PerKilogram when perDay => rule with { MaxPerDayMgPerKg = rule.MaxPerDayMgPerKg ?? limit.Mg.Max },
            _ => rule,
        };
    }
}
