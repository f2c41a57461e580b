namespace Formulary.Clinical.Interactions;

/// <summary>A drug class for interaction screening, its members (generic names and common synonyms) and its source.</summary>
public sealed record InteractionClass(string Name, string Description, string Source, IReadOnlyList<string> Members);
