using Formulary.Monographs;
using Formulary.Monographs.Diagnostics;

namespace Formulary.Storage.Listing;

/// <summary>
/// The cross-document check of combinations without an <c>ingredients:</c> field: each part of the name
/// must match a composition (<see cref="CombinationIngredients"/>), or the combination cannot link to its
/// ingredients; one warning (<c>MONO042</c>) per part that matches none. Run by <c>lint</c> and by every
/// publication, over all documents (one pass to index the compositions, one hash probe per part).
/// </summary>
public static class CombinationLint
{
    /// <param name="documents">Every document: collection, slug, title, source path, and whether its front matter lists ingredients.</param>
    public static IEnumerable<Diagnostic> Run(IReadOnlyList<(Collection Collection, string Slug, string Title, string SourcePath, bool ListsIngredients)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var names = new CompositionNames(documents.Where(d => d.Collection == Collection.Composition).Select(d => (d.Slug, d.Title)));
        foreach (var combination in documents.Where(d => d.Collection == Collection.Combination && !d.ListsIngredients))
        {
            foreach (var part in CombinationIngredients.Derive(combination.Title, combination.Slug, names).Unmatched)
            {
                yield return DiagnosticCodes.CombinationPartUnmatched.At(combination.SourcePath, SourcePosition.FileStart,
                    $"'{part}' in the combination's name matches no composition, so its ingredients cannot be linked; fix the name or list them under 'ingredients:'");
            }
        }
    }
}
