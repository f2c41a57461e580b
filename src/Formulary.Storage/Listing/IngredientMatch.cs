namespace Formulary.Storage.Listing;

/// <summary>The compositions a combination's name was matched to (empty when any part matched none), and the parts that matched none.</summary>
public sealed record IngredientMatch(IReadOnlyList<string> Slugs, IReadOnlyList<string> Unmatched);
