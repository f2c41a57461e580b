namespace Formulary.Monographs.Rules.Drafting;

/// <summary>What a maximum limits: one dose, one day, or the sentence does not say.</summary>
internal enum MaximumScope
{
    Unstated,
    Dose,
    Day,
}
