using Formulary.Clinical.Regimens;
using Pidgin;
using static Formulary.Monographs.Rules.Drafting.Tokens;
using static Pidgin.Parser;
using static Pidgin.Parser<Formulary.Monographs.Rules.Drafting.DoseToken>;

namespace Formulary.Monographs.Rules.Drafting;

/// <summary>
/// Amounts: "15 mg/kg/dose", "5-7 mg/kg", "500 mg to 1 g", "4g/day", "52 mg/m²", "250 mcg",
/// "100 mg/kg per day"; target AUCs and the Calvert formula; maxima.
/// </summary>
internal static class AmountGrammar
{
    /// <summary>Milligrams per unit: mg 1, g 1000, mcg 0.001.</summary>
    public static Parser<DoseToken, decimal> MassUnit { get; } = OneOf(
        Word("mg").ThenReturn(1m),
        Word("g").ThenReturn(1000m),
        Word("mcg").ThenReturn(0.001m));

    private static Parser<DoseToken, Unit> Per { get; } = OneOf(Kind(TokenKind.Slash).IgnoreResult(), Word("per").IgnoreResult());

    private static Parser<DoseToken, RegimenBasis> Basis { get; } = Try(Per.Then(OneOf(
        Word("kg").ThenReturn(RegimenBasis.PerKilogram),
        Word("m2").ThenReturn(RegimenBasis.PerSquareMetre),
        Try(Words("square", "metre")).ThenReturn(RegimenBasis.PerSquareMetre),
        Try(Words("square", "meter")).ThenReturn(RegimenBasis.PerSquareMetre))))
        .Before(Try(Words("body", "weight")).Optional());

    private static Parser<DoseToken, AmountPer> PerDoseOrDay { get; } = Try(Per.Then(OneOf(
        Word("day").ThenReturn(AmountPer.Day),
        Try(Number.Assert(n => n == 24m, "24 hours").Then(Word("hour", "h"))).ThenReturn(AmountPer.Day),
        Word("dose").ThenReturn(AmountPer.Dose))));

    /// <summary>"500 mg to 1 g" (each end with its unit) or "5-7 mg" (one unit), in milligrams.</summary>
    private static Parser<DoseToken, ValueRange> Mass { get; } = OneOf(
        Try(Map((low, lowUnit, high, highUnit) => new ValueRange(low * lowUnit, high * highUnit), Number, MassUnit, RangeSeparator.Then(Number), MassUnit))
            .Assert(r => r.Min <= r.Max, "a range must ascend"),
        Try(Map((range, unit) => range.Times(unit), NumberRange, MassUnit)));

    public static Parser<DoseToken, Phrase.Amount> Amount { get; } =
        Map((mg, basis, per) => new Phrase.Amount(mg, basis.HasValue ? basis.Value : RegimenBasis.Fixed, per.HasValue ? per.Value : null),
            Mass, Basis.Optional(), PerDoseOrDay.Optional());

    private static Parser<DoseToken, Unit> AucUnit { get; } =
        Try(Word("mg").Then(Kind(TokenKind.Slash)).Then(Word("ml")).Then(Token(t => t.Kind is TokenKind.Other or TokenKind.Dash or TokenKind.Times or TokenKind.Period).Optional()).Then(Word("min"))).IgnoreResult();

    public static Parser<DoseToken, Phrase.Auc> Auc { get; } =
        Word("target").Optional().Then(Word("auc")).Then(Filler("of", "is", "a")).Then(NumberRange).Before(AucUnit.Optional())
            .Select(target => new Phrase.Auc(target));

    public static Parser<DoseToken, Phrase.CalvertFormula> Calvert { get; } =
        Word("auc").Then(OneOf(Word("x"), Kind(TokenKind.Times))).Then(Kind(TokenKind.Open).Optional()).Then(Word("gfr"))
            .Then(Kind(TokenKind.Plus)).Then(Number.Assert(n => n == 25m, "Calvert adds 25"))
            .ThenReturn(new Phrase.CalvertFormula());

    private static Parser<DoseToken, MaximumScope> ScopeWord { get; } = OneOf(
        Word("daily", "day").ThenReturn(MaximumScope.Day),
        Word("single", "dose", "individual").ThenReturn(MaximumScope.Dose),
        Word("total", "of", "the", "a", "is", "per", "recommended", "cumulative").ThenReturn(MaximumScope.Unstated),
        Kind(TokenKind.Colon).ThenReturn(MaximumScope.Unstated));

    private static Parser<DoseToken, MaximumScope> MaximumKey { get; } = OneOf(
        Try(Word("maximum", "max", "maximal").Then(Kind(TokenKind.Period).Optional()).Then(ScopeWord.Many())),
        Try(Word("up").Then(Word("to")).Then(ScopeWord.Many())),
        Try(Words("not", "exceeding").Then(ScopeWord.Many())),
        Try(Words("not", "to", "exceed").Then(ScopeWord.Many())),
        Try(Words("do", "not", "exceed").Then(ScopeWord.Many())),
        Try(Words("should", "not", "exceed").Then(ScopeWord.Many())))
        .Select(scopes => scopes.Contains(MaximumScope.Day) ? MaximumScope.Day : scopes.Contains(MaximumScope.Dose) ? MaximumScope.Dose : MaximumScope.Unstated);

    /// <summary>"4 g per day", "4 g daily", "4 g a day", "4 g in 24 hours".</summary>
    private static Parser<DoseToken, Unit> PerDayAfter { get; } = OneOf(
        Try(Words("per", "day")).IgnoreResult(),
        Try(Words("a", "day")).IgnoreResult(),
        Word("daily").IgnoreResult(),
        Try(Word("in", "per", "every").Then(Number.Assert(n => n == 24m, "24 hours")).Then(Word("hour", "h"))).IgnoreResult());

    public static Parser<DoseToken, Phrase.Maximum> Maximum { get; } =
        Map((scope, limit, after) => new Phrase.Maximum(limit, limit.Per == AmountPer.Day || after.HasValue ? MaximumScope.Day : scope), MaximumKey, Amount, PerDayAfter.Optional());
}
