using Formulary.Clinical.Regimens;
using Pidgin;
using static Formulary.Monographs.Rules.Drafting.Tokens;
using static Pidgin.Parser;
using static Pidgin.Parser<Formulary.Monographs.Rules.Drafting.DoseToken>;

namespace Formulary.Monographs.Rules.Drafting;

/// <summary>
/// Who: "neonates", "children", "adults"; ages "1-12 years" (1 to below 13), "0-7 days old", "&lt; 1 month",
/// "over 12 years" (13 and over: a whole unit past 12), "≥ 18 years", "12 years and older", "from 1 month";
/// weights "&lt; 40 kg", "≥ 50 kg", "40 kg or more", "10-20 kg".
/// </summary>
internal static class PopulationGrammar
{
    public static Parser<DoseToken, Phrase.Group> Group { get; } = OneOf(
        Word("neonates", "neonate", "newborns", "newborn", "neonatal").ThenReturn(new Phrase.Group("neonates")),
        Word("infants", "infant").ThenReturn(new Phrase.Group("infants")),
        Word("children", "child", "pediatric", "paediatric", "pediatrics", "paediatrics").ThenReturn(new Phrase.Group("children")),
        Word("adolescents", "adolescent", "teenagers").ThenReturn(new Phrase.Group("adolescents")),
        Word("adults", "adult").ThenReturn(new Phrase.Group("adults")),
        Word("elderly", "geriatric").ThenReturn(new Phrase.Group("elderly")));

    private static Parser<DoseToken, AgeUnit> AgeUnitWord { get; } = OneOf(
        Word("day").ThenReturn(AgeUnit.Days),
        Word("month").ThenReturn(AgeUnit.Months),
        Word("year").ThenReturn(AgeUnit.Years))
        .Before(OneOf(Word("old").IgnoreResult(), Try(Words("of", "age")).IgnoreResult()).Optional());

    private static Parser<DoseToken, bool> Below { get; } = OneOf(
        Kind(TokenKind.Less).ThenReturn(false),
        Kind(TokenKind.LessOrEqual).ThenReturn(true),
        Word("under", "below").ThenReturn(false),
        Try(Words("less", "than")).ThenReturn(false),
        Try(Words("younger", "than")).ThenReturn(false),
        Try(Words("up", "to")).ThenReturn(true));

    private static Parser<DoseToken, bool> Above { get; } = OneOf(
        Kind(TokenKind.Greater).ThenReturn(false),
        Kind(TokenKind.GreaterOrEqual).ThenReturn(true),
        Word("over", "above").ThenReturn(false),
        Try(Words("more", "than")).ThenReturn(false),
        Try(Words("older", "than")).ThenReturn(false),
        Try(Words("at", "least")).ThenReturn(true),
        Word("from", "aged").ThenReturn(true));

    private static Parser<DoseToken, Unit> AndOver { get; } = OneOf(
        Try(Word("and", "or").Then(Word("older", "over", "above", "more", "greater"))).IgnoreResult(),
        Kind(TokenKind.Plus).IgnoreResult());

    private static Parser<DoseToken, Unit> AndUnder { get; } =
        Try(Word("and", "or").Then(Word("younger", "under", "below", "less"))).IgnoreResult();

    public static Parser<DoseToken, Phrase.Age> Age { get; } = OneOf(
        Try(Map((below, inclusive, n, unit) => new Phrase.Age(null, inclusive ? n + 1m : n, unit), Word("aged").Optional(), Below, Number, AgeUnitWord)),
        Try(Map((inclusive, n, unit) => new Phrase.Age(inclusive ? n : n + 1m, null, unit), Above, Number, AgeUnitWord)),
        Try(Map((n, unit, _) => new Phrase.Age(n, null, unit), Number, AgeUnitWord, AndOver)),
        Try(Map((n, unit, _) => new Phrase.Age(null, n + 1m, unit), Number, AgeUnitWord, AndUnder)),
        Try(Map((_, range, unit) => new Phrase.Age(range.Min, range.Max + 1m, unit), Word("aged", "age").Optional(), NumberRange.Where(r => r.Min != r.Max), AgeUnitWord)));

    private static Parser<DoseToken, Unit> Kg { get; } = Word("kg").Then(Not(Kind(TokenKind.Slash))).IgnoreResult();

    public static Parser<DoseToken, Phrase.Weight> Weight { get; } = Word("weighing", "weight", "body").Optional().Then(OneOf(
        Try(Map((_, n, _) => new Phrase.Weight(null, n), Below, Number, Kg)),
        Try(Map((_, n, _) => new Phrase.Weight(n, null), Above, Number, Kg)),
        Try(Map((n, _, _) => new Phrase.Weight(n, null), Number, Kg, AndOver)),
        Try(Map((range, _) => new Phrase.Weight(range.Min, range.Max), NumberRange.Where(r => r.Min != r.Max), Kg))));
}
