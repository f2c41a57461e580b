using Pidgin;
using static Pidgin.Parser;
using static Pidgin.Parser<Formulary.Monographs.Rules.Drafting.DoseToken>;

namespace Formulary.Monographs.Rules.Drafting;

/// <summary>
/// One pass over a tokenized sentence: at each token the first phrase of the grammar that matches is
/// taken (longer, more specific phrases first: the Calvert formula before an AUC, a maximum before the
/// amount inside it, a kidney band before a bare range); a token no phrase starts with is skipped.
/// </summary>
internal static class SentenceScanner
{
    private static Parser<DoseToken, Phrase> Located<T>(Parser<DoseToken, T> phrase)
        where T : Phrase =>
        Try(Map((at, found) => (Phrase)(found with { At = at }), CurrentOffset, phrase));

    private static readonly Parser<DoseToken, IEnumerable<Phrase?>> Scan = OneOf(
        Located(AmountGrammar.Calvert),
        Located(AmountGrammar.Auc),
        Located(AmountGrammar.Maximum),
        Located(RenalGrammar.Threshold),
        Located(RenalGrammar.ReduceBy),
        Located(RenalGrammar.PercentOf),
        Located(PopulationGrammar.Age),
        Located(PopulationGrammar.Weight),
        Located(AmountGrammar.Amount),
        Located(FrequencyGrammar.Frequency),
        Located(FrequencyGrammar.Divided),
        Located(FrequencyGrammar.Duration),
        Located(FrequencyGrammar.Infusion),
        Located(FrequencyGrammar.Route),
        Located(FrequencyGrammar.Use),
        Located(PopulationGrammar.Group),
        Located(RenalGrammar.Avoid),
        Located(RenalGrammar.Monitor))
        .Select(p => (Phrase?)p)
        .Or(Any.ThenReturn((Phrase?)null))
        .Many();

    public static IReadOnlyList<Phrase> Phrases(DoseToken[] tokens)
    {
        var result = Scan.Parse(tokens);
        return result.Success ? [.. result.Value.OfType<Phrase>()] : [];
    }
}
