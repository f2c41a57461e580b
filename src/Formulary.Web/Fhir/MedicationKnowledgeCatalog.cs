using System.Text.RegularExpressions;
using Formulary.Monographs;
using Formulary.Storage;
using Formulary.Storage.Listing;
using Formulary.Storage.Search;
using Formulary.Web.Dosing;
using Formulary.Web.Pages;

namespace Formulary.Web.Fhir;

/// <summary>
/// Finds the compositions and combinations the FHIR endpoints serve, by id (the slug) or by search,
/// and gathers what <see cref="MedicationKnowledgeBuilder"/> needs: the stored monograph, its brands
/// (from the cached summaries of the store generation) and its rules (through <see cref="DoseService"/>,
/// the one way the site gets a profile).
/// </summary>
internal sealed partial class MedicationKnowledgeCatalog(IMonographStore store, SiteCache cache, DoseService dosing)
{
    private static readonly Collection[] Served = [Collection.Composition, Collection.Combination];

    /// <summary>The FHIR id rule: a slug outside it (longer than 64, other characters) has no FHIR address.</summary>
    public static bool IsFhirId(string? id) => id is not null && FhirId().IsMatch(id);

    public async Task<MedicationKnowledgeSource?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsFhirId(id))
        {
            return null;
        }

        foreach (var collection in Served)
        {
            if (await store.GetAsync(collection, id, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                var all = await cache.SummariesAsync().ConfigureAwait(false);
                var brands = MonographLinks.For(all, collection, id).Brands.Select(b => b.Title).ToList();
                var rules = await dosing.RulesAsync(id).ConfigureAwait(false);
                return new MedicationKnowledgeSource(stored.Monograph, brands, rules, stored.Version.ImportedAt);
            }
        }

        return null;
    }

    /// <summary>
    /// Of <paramref name="ids"/>, in their order and once each, those of a live composition or combination: from the cached
    /// summaries of the store generation, so a search counts its matches without reading each one.
    /// </summary>
    public async Task<IReadOnlyList<string>> LiveAsync(IEnumerable<string> ids)
    {
        var all = await cache.SummariesAsync().ConfigureAwait(false);
        return [.. ids.Distinct(StringComparer.Ordinal).Where(id => IsFhirId(id) && Served.Any(collection => MonographLinks.Find(all, collection, id) is not null))];
    }

    /// <summary>
    /// Every live composition and combination with a FHIR id, in the order of the store generation's cached summaries
    /// (stable while the generation lasts, so the pages of a search without filters follow one another).
    /// </summary>
    public async Task<IReadOnlyList<string>> AllAsync()
    {
        var all = await cache.SummariesAsync().ConfigureAwait(false);
        return [.. all.Where(s => Served.Contains(s.Collection) && IsFhirId(s.Slug)).Select(s => s.Slug).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The ids whose generic, alternate or brand name has a word starting with <paramref name="name"/> (case and accents
    /// ignored), best first, from the best <see cref="SearchLimits.MaxSuggestions"/> names (the names index's bounded
    /// lookup); <c>MoreMayMatch</c> when that many names matched, so others may have been left out.
    /// </summary>
    public async Task<(IReadOnlyList<string> Ids, bool MoreMayMatch)> IdsByNameAsync(string name, CancellationToken cancellationToken)
    {
        var suggestions = await cache.SuggestAsync(name, SearchLimits.MaxSuggestions, cancellationToken).ConfigureAwait(false);
        return ([.. suggestions.Where(s => Served.Contains(s.Collection) && IsFhirId(s.Slug)).Select(s => s.Slug).Distinct(StringComparer.Ordinal)],
            suggestions.Count >= SearchLimits.MaxSuggestions);
    }

    [GeneratedRegex("^[A-Za-z0-9\\-\\.]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex FhirId();
}
