using Formulary.Benchmarks.Parsing;
using Formulary.Clinical.Regimens;
using Formulary.Monographs.Rules;
using Formulary.Monographs.Rules.Drafting;

namespace Formulary.Monographs.Tests.Rules.Drafting;

/// <summary>
/// Issue 10.6 over a whole generated corpus (the benchmark corpus's dosing prose, 2,000 Dosage
/// sections in the shapes real monographs use): coverage of weight- and BSA-based doses, and every
/// number of every drafted rule present in its quote.
/// </summary>
public sealed class DraftCorpusTests
{
    private const int Sections = 2000;

    private static readonly IReadOnlyList<(DosingProse.Section Section, RulesDraft Draft)> Corpus = Build();

    [Fact]
    public void Coverage_SectionsStatingMgPerKgOrMgPerM2_AtLeast90PercentGetARegimen()
    {
        var stated = Corpus.Where(c => c.Section.StatesWeightOrBsaDose).ToList();
        var drafted = stated.Count(c => c.Draft.Regimens.Any(r => r.Rule.Basis is RegimenBasis.PerKilogram or RegimenBasis.PerSquareMetre));

        Assert.True(stated.Count > Sections / 2, $"the generator stated weight- or BSA-based doses in only {stated.Count} sections");
        Assert.True(drafted * 100 >= stated.Count * 90, $"{drafted} of {stated.Count} sections with a mg/kg or mg/m² dose got such a regimen ({100.0 * drafted / stated.Count:0.0}%)");
    }

    [Fact]
    public void EveryDraftedRule_EveryNumber_AppearsInItsQuote()
    {
        var missing = new List<string>();
        foreach (var (_, draft) in Corpus)
        {
            foreach (var rule in draft.Regimens.Select(r => r.Rule))
            {
                decimal?[] numbers = [rule.Amount.Min, rule.Amount.Max, rule.IntervalHours?.Min, rule.IntervalHours?.Max, rule.Days, rule.DividedDoses, rule.InfusionHours, rule.MaxPerDoseMg, rule.MaxPerDayMg, rule.MaxPerDayMgPerKg];
                missing.AddRange(numbers.OfType<decimal>().Where(n => !QuoteNumbers.Contains(rule.Source.Quote, n)).Select(n => $"{n} not in \"{rule.Source.Quote}\""));
            }

            foreach (var band in draft.Renal)
            {
                decimal?[] numbers = [band.Min, band.Max, band.Adjustment.Value?.Min, band.Adjustment.Value?.Max];
                missing.AddRange(numbers.OfType<decimal>().Where(n => !QuoteNumbers.Contains(band.Adjustment.Source.Quote, n)).Select(n => $"{n} not in \"{band.Adjustment.Source.Quote}\""));
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing.Distinct().Take(20)));
    }

    [Fact]
    public void Unread_SentencesWithDoseNumbersNotRead_AreListedNeverDropped()
    {
        // "As prescribed…" has no numbers and is never unread; every section with numbers is read (regimens or renal bands) or lists what it could not read.
        Assert.All(Corpus, c => Assert.True(c.Draft.Regimens.Count + c.Draft.Renal.Count + c.Draft.Unread.Count > 0 || !c.Section.Markdown.Any(char.IsDigit), c.Section.Markdown));
    }

    private static List<(DosingProse.Section, RulesDraft)> Build()
    {
        var random = new Random(20_261_130);
        return [.. Enumerable.Range(0, Sections).Select(i =>
        {
            var section = DosingProse.Generate(random);
            var text = $"---\ntitle: Drug {i}\n---\n## **Dosage**\n\n{section.Markdown}## **Side Effects**\n\nNone listed.\n";
            return (section, RulesDrafter.Draft(Parse.Text(text, path: $"drug-{i}.md")));
        })];
    }
}
