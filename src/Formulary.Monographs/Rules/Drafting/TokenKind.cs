namespace Formulary.Monographs.Rules.Drafting;

/// <summary>What a token of a dosing sentence is: the grammar matches kinds and, for words, their lower-case text.</summary>
internal enum TokenKind
{
    Number,
    Word,
    Dash,
    Slash,
    Colon,
    Semicolon,
    Comma,
    Period,
    Open,
    Close,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equals,
    Percent,
    Plus,
    Times,
    Other,
}
