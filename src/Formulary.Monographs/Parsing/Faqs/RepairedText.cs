namespace Formulary.Monographs.Parsing.Faqs;

internal readonly record struct RepairedText(string Question, string Answer, bool WasRepaired);
