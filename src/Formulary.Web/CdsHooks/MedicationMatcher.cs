using Formulary.Monographs;
using Formulary.Storage;
using Formulary.Storage.Search;
using Hl7.Fhir.Model;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// Matches an order's medication to a monograph by name through the store's names index (the one behind
/// search suggestions: generic, alternate and brand names, so a brand finds its generic). The names tried
/// are the code's text, each coding's display, the reference's display and a contained Medication's code.
/// A name matches when the order's text, folded (<see cref="NameKey.Fold"/>), is the name or starts with it
/// followed by more words ("Clofarabine 1 mg/mL injection"); the longest matching name wins; two monographs
/// matched by equally long names is ambiguous and neither is used. The rules carry no RxNorm codes yet, so
/// codes are not matched on (ADR 0011).
/// </summary>
internal sealed class MedicationMatcher(IMonographStore store)
{
    public async Task<MedicationMatch> MatchAsync(MedicationRequest order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var names = Names(order).OfType<string>().Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var shown = names.FirstOrDefault() ?? "a medication without a name";
        foreach (var name in names)
        {
            var folded = NameKey.Fold(name);
            var first = folded.Split(' ')[0];
            if (first.Length < SearchLimits.MinSuggestChars)
            {
                continue;
            }

            var suggestions = await store.SuggestAsync(first, SearchLimits.MaxSuggestions, cancellationToken).ConfigureAwait(false);
            var matched = suggestions
                .Where(s => s.Collection != Collection.Medicine)
                .Select(s => (Suggestion: s, Name: NameKey.Fold(s.Name)))
                .Where(s => folded == s.Name || folded.StartsWith(s.Name + " ", StringComparison.Ordinal))
                .ToList();
            if (matched.Count == 0)
            {
                continue;
            }

            var longest = matched.Max(m => m.Name.Length);
            var best = matched.Where(m => m.Name.Length == longest).Select(m => m.Suggestion).DistinctBy(s => (s.Collection, s.Slug)).ToList();
            return best.Count == 1
                ? new MedicationMatch(name, best[0].Collection, best[0].Slug, best[0].Title, [])
                : new MedicationMatch(name, best[0].Collection, null, null, [.. best.Select(s => s.Title)]);
        }

        return new MedicationMatch(shown, Collection.Composition, null, null, []);
    }

    private static IEnumerable<string?> Names(MedicationRequest order)
    {
        if (order.Medication is CodeableConcept concept)
        {
            yield return concept.Text;
            foreach (var coding in concept.Coding)
            {
                yield return coding.Display;
            }
        }

        if (order.Medication is ResourceReference reference)
        {
            yield return reference.Display;
            var id = reference.Reference?.TrimStart('#');
            if (order.Contained.OfType<Medication>().FirstOrDefault(m => m.Id == id) is { Code: { } code })
            {
                yield return code.Text;
                foreach (var coding in code.Coding)
                {
                    yield return coding.Display;
                }
            }
        }
    }
}
