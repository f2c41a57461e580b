using Formulary.Monographs;
using Formulary.Monographs.Diagnostics;

namespace Formulary.Storage.Listing;

/// <summary>
/// The cross-document check of combinations without an <c>ingredients:</c> field: each part of the name
/// must match a composition (<see cref="CombinationIngredients"/>), or the combination cannot link to its
/// ingredients; one warning (<c>MONO042</c>) per part that matches none. Run by <c>lint</c> over all documents
/// (<see cref="Run"/>) and by every publication one document at a time as the folder streams by
/// (<see cref="Next"/>: the layout lists every composition before the first combination).
/// </summary>
public sealed class CombinationLint
{
    private readonly CompositionNames names = new([]);
    private bool checkedCombination;

    /// <param name="documents">Every document: collection, slug, title, source path, and whether its front matter lists ingredients.</param>
    public static IEnumerable<Diagnostic> Run(IReadOnlyList<(Collection Collection, string Slug, string Title, string SourcePath, bool ListsIngredients)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var lint = new CombinationLint();
        return documents.Where(d => d.Collection == Collection.Composition)
            .Concat(documents.Where(d => d.Collection != Collection.Composition))
            .SelectMany(lint.Next);
    }

    /// <summary>A composition's name is remembered (no finding); a combination is checked against the compositions seen so far.</summary>
    /// <exception cref="InvalidOperationException">A composition after a combination: that combination was checked without it.</exception>
    public IReadOnlyList<Diagnostic> Next((Collection Collection, string Slug, string Title, string SourcePath, bool ListsIngredients) document)
    {
        if (document.Collection == Collection.Composition)
        {
            if (checkedCombination)
            {
                throw new InvalidOperationException($"composition '{document.Slug}' came after a combination was checked; compositions must come first");
            }

            names.Add(document.Slug, document.Title);
            return [];
        }

        if (document.Collection != Collection.Combination || document.ListsIngredients)
        {
            return [];
        }

        checkedCombination = true;
        return [.. CombinationIngredients.Derive(document.Title, document.Slug, names).Unmatched.Select(part =>
            DiagnosticCodes.CombinationPartUnmatched.At(document.SourcePath, SourcePosition.FileStart,
                $"'{part}' in the combination's name matches no composition, so its ingredients cannot be linked; fix the name or list them under 'ingredients:'"))];
    }
}
