using Formulary.Clinical.Profiles;
using Formulary.Clinical.Regimens;

namespace Formulary.Monographs.Rules.Drafting;

/// <summary>Who a section's sentences speak of, from its heading ("Children (1-21 years)"), with the heading as the citation when it states numbers.</summary>
internal sealed record SectionPopulation(Population Population, Citation? Source)
{
    public static SectionPopulation None { get; } = new(Population.Anyone, null);

    public static SectionPopulation From(string title, string path, SectionPopulation parent)
    {
        var tokens = DoseLexer.Tokenize(title);
        var phrases = SentenceScanner.Phrases(tokens);
        var population = PopulationOf(phrases, parent.Population);
        if (population == parent.Population)
        {
            return parent;
        }

        return new SectionPopulation(population, phrases.Any(p => p is Phrase.Age or Phrase.Weight) ? new Citation(path, QuoteText.Normalize(title)) : parent.Source);
    }

    /// <summary>The group, age band and weight band the phrases state, over <paramref name="fallback"/>.</summary>
    public static Population PopulationOf(IEnumerable<Phrase> phrases, Population fallback)
    {
        var list = phrases.ToList();
        var group = list.OfType<Phrase.Group>().FirstOrDefault();
        var age = list.OfType<Phrase.Age>().FirstOrDefault();
        var weight = list.OfType<Phrase.Weight>().FirstOrDefault();
        if (group is null && age is null && weight is null)
        {
            return fallback;
        }

        var population = fallback with { Label = group?.Label ?? fallback.Label };
        if (age is not null)
        {
            population = population with { AgeMin = age.Min, AgeBelow = age.Below, AgeUnit = age.Unit };
        }

        if (weight is not null)
        {
            population = population with { WeightMinKg = weight.Min, WeightBelowKg = weight.Below };
        }

        return population;
    }
}
