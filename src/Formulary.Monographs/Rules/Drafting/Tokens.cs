using Formulary.Clinical.Regimens;
using Pidgin;
using static Pidgin.Parser;
using static Pidgin.Parser<Formulary.Monographs.Rules.Drafting.DoseToken>;

namespace Formulary.Monographs.Rules.Drafting;

/// <summary>The grammar's terminals: token kinds, words, numbers and ranges ("5-7", "5 to 7", "5–7").</summary>
internal static class Tokens
{
    public static Parser<DoseToken, DoseToken> Kind(TokenKind kind) => Token(t => t.Kind == kind);

    public static Parser<DoseToken, DoseToken> Word(params string[] words) =>
        Token(t => t.Kind == TokenKind.Word && Array.IndexOf(words, t.Text) >= 0);

    /// <summary>Several words in a row ("not to exceed").</summary>
    public static Parser<DoseToken, Unit> Words(params string[] words) =>
        words.Skip(1).Aggregate(Word(words[0]).IgnoreResult(), (parser, word) => parser.Then(Word(word)).IgnoreResult());

    public static Parser<DoseToken, decimal> Number { get; } = Kind(TokenKind.Number).Select(t => t.Number);

    public static Parser<DoseToken, Unit> RangeSeparator { get; } =
        OneOf(Kind(TokenKind.Dash).IgnoreResult(), Word("to").IgnoreResult());

    /// <summary>A number or an ascending range; "7-5" is not a range.</summary>
    public static Parser<DoseToken, ValueRange> NumberRange { get; } =
        Map((low, high) => new ValueRange(low, high.HasValue ? high.Value : low), Number, Try(RangeSeparator.Then(Number)).Optional())
            .Assert(r => r.Min <= r.Max, "a range must ascend");

    /// <summary>Filler a sentence may put between parts ("the", "a", ":", "of").</summary>
    public static Parser<DoseToken, Unit> Filler(params string[] words) =>
        OneOf(Word(words).IgnoreResult(), Kind(TokenKind.Colon).IgnoreResult(), Kind(TokenKind.Equals).IgnoreResult()).SkipMany();

    /// <summary>Parses an optional parenthesised remark or nothing.</summary>
    public static Parser<DoseToken, Unit> Parenthesised { get; } =
        Kind(TokenKind.Open).Then(Token(t => t.Kind != TokenKind.Close).SkipMany()).Then(Kind(TokenKind.Close)).IgnoreResult();
}
