using Formulary.Clinical.Regimens;
using Pidgin;
using static Formulary.Monographs.Rules.Drafting.Tokens;
using static Pidgin.Parser;
using static Pidgin.Parser<Formulary.Monographs.Rules.Drafting.DoseToken>;

namespace Formulary.Monographs.Rules.Drafting;

/// <summary>
/// Kidney-function bands and what they call for: "CrCl 30-60 mL/min" (inclusive), "creatinine clearance
/// &lt; 30" (30 excluded), "eGFR ≥ 50", "CrCl between 10 and 50", "CrCl 10 mL/min or less"; "reduce the dose
/// by 50%", "50% of the usual dose", "avoid", "not recommended", "monitor levels".
/// </summary>
internal static class RenalGrammar
{
    private static Parser<DoseToken, RenalMeasure> Measure { get; } = OneOf(
        Word("crcl", "clcr").ThenReturn(RenalMeasure.CreatinineClearance),
        Try(Words("creatinine", "clearance")).ThenReturn(RenalMeasure.CreatinineClearance),
        Word("egfr", "gfr").ThenReturn(RenalMeasure.Egfr))
        .Before(Parenthesised.Optional());

    private static Parser<DoseToken, Unit> RenalUnit { get; } =
        Try(Word("ml").Then(Kind(TokenKind.Slash)).Then(Word("min"))
            .Then(Try(Kind(TokenKind.Slash).Then(Number).Then(Word("m2"))).Optional())).IgnoreResult();

    private static Parser<DoseToken, Phrase.RenalThreshold> Band { get; } = OneOf(
        Try(Map((_, low, _, high) => new Phrase.RenalThreshold(null, low, true, high, true), Word("between"), Number, Word("and"), Number)),
        Try(Map((inclusive, n) => new Phrase.RenalThreshold(null, null, false, n, inclusive), OneOf(
            Kind(TokenKind.Less).ThenReturn(false), Kind(TokenKind.LessOrEqual).ThenReturn(true), Word("below", "under").ThenReturn(false),
            Try(Words("less", "than")).ThenReturn(false)), Number)),
        Try(Map((inclusive, n) => new Phrase.RenalThreshold(null, n, inclusive, null, false), OneOf(
            Kind(TokenKind.Greater).ThenReturn(false), Kind(TokenKind.GreaterOrEqual).ThenReturn(true), Word("above", "over").ThenReturn(false),
            Try(Words("greater", "than")).ThenReturn(false), Try(Words("more", "than")).ThenReturn(false), Try(Words("at", "least")).ThenReturn(true)), Number)),
        Try(Map((n, _, _, _) => new Phrase.RenalThreshold(null, null, false, n, true), Number, RenalUnit.Optional(), Word("or"), Word("less", "below", "lower"))),
        Try(Map((n, _, _, _) => new Phrase.RenalThreshold(null, n, true, null, false), Number, RenalUnit.Optional(), Word("or"), Word("more", "greater", "above", "higher"))),
        Try(NumberRange.Where(r => r.Min < r.Max).Select(r => new Phrase.RenalThreshold(null, r.Min, true, r.Max, true))));

    /// <summary>A band after a measure ("CrCl 30-60"), or a band with its unit ("&lt; 30 mL/min").</summary>
    public static Parser<DoseToken, Phrase.RenalThreshold> Threshold { get; } = OneOf(
        Try(Map((measure, band) => band with { Measure = measure }, Measure.Before(Filler("of", "is", "between").Optional()), Band.Before(RenalUnit.Optional()))),
        Try(Band.Before(RenalUnit)));

    private static Parser<DoseToken, ValueRange> Percent { get; } = NumberRange.Before(Kind(TokenKind.Percent)).Assert(r => r.Max <= 100m, "a percentage");

    public static Parser<DoseToken, Phrase.ReduceBy> ReduceBy { get; } = OneOf(
        Try(Word("reduce", "decrease", "lower", "reduced", "decreased").Then(Filler("the", "dose", "daily", "by", "total", "usual", "maintenance", "should", "be")).Then(Percent)),
        Try(Percent.Before(Word("dose").Optional()).Before(Word("reduction", "decrease"))))
        .Select(p => new Phrase.ReduceBy(p));

    public static Parser<DoseToken, Phrase.PercentOf> PercentOf { get; } = OneOf(
        Try(Percent.Before(Word("of"))),
        Try(Word("give", "administer", "use").Then(Percent)))
        .Select(p => new Phrase.PercentOf(p));

    public static Parser<DoseToken, Phrase.Avoid> Avoid { get; } = OneOf(
        Word("avoid", "contraindicated").IgnoreResult(),
        Try(Words("not", "recommended")).IgnoreResult(),
        Try(Word("do", "should").Then(Word("not")).Then(Word("use", "administer", "give", "be"))).IgnoreResult())
        .ThenReturn(new Phrase.Avoid());

    public static Parser<DoseToken, Phrase.Monitor> Monitor { get; } = Word("monitor", "monitoring").ThenReturn(new Phrase.Monitor());
}
