namespace Formulary.Monographs.Rules.Drafting;

/// <summary>One token of a sentence: its kind, its lower-case text (units normalized: µg → mcg, m² → m2), its value if a number, and where it is.</summary>
internal readonly record struct DoseToken(TokenKind Kind, string Text, decimal Number, int Start, int End)
{
    public bool Is(string word) => Kind == TokenKind.Word && Text == word;

    public override string ToString() => Kind == TokenKind.Number ? Number.ToString(System.Globalization.CultureInfo.InvariantCulture) : Text;
}
