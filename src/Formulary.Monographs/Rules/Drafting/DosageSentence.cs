namespace Formulary.Monographs.Rules.Drafting;

/// <summary>
/// One sentence of a Dosage section as the quote will show it (emphasis removed, white space
/// collapsed: see <see cref="QuoteText"/>), its section path, its line's text (for quotes spanning
/// two sentences) and where it sits in that line.
/// </summary>
internal sealed record DosageSentence(string Section, string Line, int Start, int End)
{
    public string Text => Line[Start..End];
}
