using Formulary.Clinical.Regimens;
using Pidgin;
using static Formulary.Monographs.Rules.Drafting.Tokens;
using static Pidgin.Parser;
using static Pidgin.Parser<Formulary.Monographs.Rules.Drafting.DoseToken>;

namespace Formulary.Monographs.Rules.Drafting;

/// <summary>
/// How often and how long: "every 8-12 hours", "q4-6h", "once daily", "twice a day", "BID", "TID",
/// "QID", "3 times daily", "every other day", "weekly", "every 3 weeks"; "divided into 3 doses";
/// "for 5 consecutive days"; "over 2 hours" (infusion); the route.
/// </summary>
internal static class FrequencyGrammar
{
    private static Parser<DoseToken, Unit> ADay { get; } = OneOf(
        Word("daily").IgnoreResult(),
        Try(Word("a", "per", "each", "every").Then(Word("day"))).IgnoreResult(),
        Try(Word("in").Then(Number.Assert(n => n == 24m, "24 hours")).Then(Word("hour"))).IgnoreResult(),
        Try(Words("in", "a", "day")).IgnoreResult());

    private static Parser<DoseToken, int> Count { get; } = OneOf(
        Word("once").ThenReturn(1),
        Word("twice").ThenReturn(2),
        Word("thrice").ThenReturn(3),
        Try(OneOf(Word("one").ThenReturn(1), Word("two").ThenReturn(2), Word("three").ThenReturn(3), Word("four").ThenReturn(4), Word("five").ThenReturn(5), Word("six").ThenReturn(6),
            Number.Assert(n => n >= 1m && n <= 24m && n == decimal.Truncate(n), "a whole count").Select(n => (int)n)).Before(Word("time"))));

    private static Parser<DoseToken, Phrase.Frequency> TimesPerDay(int n) => Return(new Phrase.Frequency(null, n, null));

    private static Parser<DoseToken, Phrase.Frequency> Every { get; } = Word("every", "each").Then(OneOf(
        Try(NumberRange.Before(Word("hour", "h"))).Select(h => new Phrase.Frequency(h, null, null)),
        Word("hour").ThenReturn(new Phrase.Frequency(ValueRange.Of(1m), null, null)),
        Try(Words("other", "day")).ThenReturn(new Phrase.Frequency(ValueRange.Of(48m), null, "every other day")),
        Word("day", "morning", "evening", "night").ThenReturn(new Phrase.Frequency(ValueRange.Of(24m), 1, null)),
        Try(NumberRange.Before(Word("day"))).Select(d => new Phrase.Frequency(d.Times(24m), null, null)),
        Try(NumberRange.Before(Word("week"))).Select(w => new Phrase.Frequency(null, null, Invariant($"every {w} weeks"))),
        Word("week").ThenReturn(new Phrase.Frequency(null, null, "weekly"))));

    private static Parser<DoseToken, Phrase.Frequency> Q { get; } =
        Try(Word("q").Then(NumberRange).Before(Word("h", "hour", "hr", "hourly"))).Select(h => new Phrase.Frequency(h, null, null));

    private static Parser<DoseToken, Phrase.Frequency> Counted { get; } = OneOf(
        Try(Count.Before(ADay)).Select(n => new Phrase.Frequency(ValueRange.Of(24m / n), n, null)),
        Try(Count.Before(OneOf(Word("weekly").IgnoreResult(), Try(Word("a", "per", "each").Then(Word("week"))).IgnoreResult())))
            .Select(n => new Phrase.Frequency(null, null, n == 1 ? "weekly" : Invariant($"{n} times a week"))));

    private static Parser<DoseToken, Phrase.Frequency> Abbreviated { get; } = OneOf(
        Word("bid", "bd").ThenReturn(new Phrase.Frequency(ValueRange.Of(12m), 2, null)),
        Word("tid", "tds").ThenReturn(new Phrase.Frequency(ValueRange.Of(8m), 3, null)),
        Word("qid", "qds").ThenReturn(new Phrase.Frequency(ValueRange.Of(6m), 4, null)),
        Word("od", "qd", "daily", "nightly").ThenReturn(new Phrase.Frequency(ValueRange.Of(24m), 1, null)),
        Word("weekly").ThenReturn(new Phrase.Frequency(null, null, "weekly")));

    public static Parser<DoseToken, Phrase.Frequency> Frequency { get; } = OneOf(Try(Every), Q, Try(Counted), Abbreviated);

    public static Parser<DoseToken, Phrase.Divided> Divided { get; } = OneOf(
        Try(Word("divided").Then(Word("into", "in").Optional()).Then(NumberRange.Optional()).Before(Word("dose"))),
        Try(Word("in").Then(NumberRange.Optional()).Before(Words("divided", "dose"))))
        .Select(n => new Phrase.Divided(n.HasValue ? n.Value : null));

    public static Parser<DoseToken, Phrase.Duration> Duration { get; } =
        Try(Map((_, days, unit) => new Phrase.Duration(days.Times(unit), Invariant($"{days} {(unit == 1m ? "days" : unit == 7m ? "weeks" : "months")}")),
            Word("for").Then(Try(Words("up", "to")).Optional()).Then(Try(Words("at", "least")).Optional()),
            NumberRange.Before(Word("consecutive", "more", "further", "additional").Optional()),
            OneOf(Word("day").ThenReturn(1m), Word("week").ThenReturn(7m), Word("month").ThenReturn(30m))));

    public static Parser<DoseToken, Phrase.Infusion> Infusion { get; } =
        Try(Map((hours, unit) => new Phrase.Infusion(hours.Times(unit)),
            Word("over", "during").Then(Try(Words("at", "least")).Optional()).Then(Word("a", "an").Optional()).Then(Word("period").Then(Word("of")).Optional()).Then(NumberRange),
            OneOf(Word("hour", "h").ThenReturn(1m), Word("min").ThenReturn(1m / 60m))));

    public static Parser<DoseToken, Phrase.Route> Route { get; } = OneOf(
        Word("iv", "intravenous", "intravenously", "infusion").ThenReturn(new Phrase.Route("IV")),
        Word("orally", "oral", "po").ThenReturn(new Phrase.Route("oral")),
        Try(Words("by", "mouth")).ThenReturn(new Phrase.Route("oral")),
        Word("im", "intramuscular", "intramuscularly").ThenReturn(new Phrase.Route("IM")),
        Word("sc", "sq", "subcutaneous", "subcutaneously", "subcut").ThenReturn(new Phrase.Route("SC")),
        Word("rectally", "rectal").ThenReturn(new Phrase.Route("rectal")),
        Word("sublingual", "sublingually").ThenReturn(new Phrase.Route("sublingual")),
        Word("intrathecal", "intrathecally").ThenReturn(new Phrase.Route("intrathecal")),
        Word("inhaled", "nebulised", "nebulized").ThenReturn(new Phrase.Route("inhaled")),
        Word("topically", "topical").ThenReturn(new Phrase.Route("topical")));

    public static Parser<DoseToken, Phrase.Use> Use { get; } = OneOf(
        Try(Word("loading").Then(Word("dose").Optional())).ThenReturn(new Phrase.Use("loading dose")),
        Try(Word("maintenance").Then(Word("dose").Optional())).ThenReturn(new Phrase.Use("maintenance")),
        Try(Word("initial", "starting").Then(Word("dose"))).ThenReturn(new Phrase.Use("initial dose")),
        Word("prophylaxis", "prevention").ThenReturn(new Phrase.Use("prophylaxis")),
        Try(Words("single", "dose")).ThenReturn(new Phrase.Use("single dose")));
}
