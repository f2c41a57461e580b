using Formulary.Monographs;
using Formulary.Storage;
using Formulary.Storage.Search;
using Formulary.Web.Dosing;
using Formulary.Web.Pages;
using Hl7.Fhir.Model;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// Matches an order's medication to a monograph by name through the store's names index (the one behind
/// search suggestions: generic, alternate and brand names, so a brand finds its generic). The names tried
/// are the code's text, each coding's display, the reference's display and the referenced Medication's code
/// (contained in the order or an entry of the draft Bundle, <see cref="CdsOrders"/>).
/// A name matches when the order's text, folded (<see cref="NameKey.Fold"/>), is the name or starts with it
/// followed by more words ("Clofarabine 1 mg/mL injection"); the longest matching name wins; two monographs
/// matched by equally long names is ambiguous and neither is used. Before names, an RxNorm coding matches the
/// drug whose rules list that RxCUI (<c>rxnorm:</c> in the rules file): a code names the drug exactly.
/// The first of the code and the names (in that order) that matches gives the drug, and every other one that matches
/// must match the same drug (a brand its generic): when the code, a display or the text point to different monographs, the
/// order is a conflict and nothing is dosed — dosing either drug would be a guess. A code or a name that matches nothing
/// is no conflict: it says nothing about which drug is meant.
/// </summary>
internal sealed class MedicationMatcher(IMonographStore store, SiteCache cache, DoseService dosing)
{
    public const string RxNormSystem = "http://www.nlm.nih.gov/research/umls/rxnorm";

    public async Task<MedicationMatch> MatchAsync(DraftOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var coded = await ByCodeAsync(order, cancellationToken).ConfigureAwait(false);
        if (coded is { Slug: null })
        {
            return coded;
        }

        var names = Names(order).Where(n => !string.IsNullOrWhiteSpace(n.Name)).Select(n => (n.Where, Name: n.Name!.Trim())).DistinctBy(n => n.Name, StringComparer.Ordinal).ToList();
        var found = new List<(string Where, MedicationMatch Match)>();
        if (coded is not null)
        {
            found.Add(($"the code {coded.Ordered}", coded));
        }

        foreach (var (where, name) in names)
        {
            var byName = await cache.DerivedAsync(new NameMatchKey(name), () => ByNameAsync(name, cancellationToken), NameMatch.Bytes, cancellationToken).ConfigureAwait(false);
            if (byName.Match is { } match)
            {
                found.Add(($"{where} '{name}'", match));
            }
        }

        if (found.Count == 0)
        {
            var shown = names.Select(n => n.Name).FirstOrDefault()
                ?? (order.Order.Medication is ResourceReference { Reference: { } reference } ? $"a medication referenced as '{reference}' that the request does not carry" : "a medication without a name");
            return new MedicationMatch(shown, Collection.Composition, null, null, []);
        }

        var chosen = found[0].Match;
        return chosen.Slug is null || found.All(f => Agrees(f.Match, chosen))
            ? chosen
            : chosen with { Slug = null, Title = null, Conflict = [.. found.Select(f => $"{f.Where} is {f.Match.Title ?? string.Join(" or ", f.Match.Ambiguous)}")] };
    }

    /// <summary>Whether another of the order's codes or names matched the drug chosen: the same monograph, or a tie that includes it.</summary>
    private static bool Agrees(MedicationMatch other, MedicationMatch chosen) =>
        other.Slug is null ? other.Ambiguous.Contains(chosen.Title!, StringComparer.Ordinal) : other.Slug == chosen.Slug && other.Collection == chosen.Collection;

    /// <summary>
    /// The monograph one name matches, or none: worked out from the names index only, so it is kept for the store generation
    /// (<see cref="SiteCache.DerivedAsync"/>) — an EHR names the same few drugs in call after call.
    /// </summary>
    private async Task<NameMatch> ByNameAsync(string name, CancellationToken cancellationToken)
    {
        var folded = NameKey.Fold(name);
        var first = folded.Split(' ')[0];
        if (first.Length < SearchLimits.MinSuggestChars)
        {
            return NameMatch.None;
        }

        var suggestions = await cache.SuggestAsync(first, SearchLimits.MaxSuggestions, cancellationToken).ConfigureAwait(false);
        var matched = suggestions
            .Where(s => s.Collection != Collection.Medicine)
            .Select(s => (Suggestion: s, Name: NameKey.Fold(s.Name)))
            .Where(s => folded == s.Name || folded.StartsWith(s.Name + " ", StringComparison.Ordinal))
            .ToList();
        if (matched.Count == 0)
        {
            return NameMatch.None;
        }

        var longest = matched.Max(m => m.Name.Length);
        var best = matched.Where(m => m.Name.Length == longest).Select(m => m.Suggestion).DistinctBy(s => (s.Collection, s.Slug)).ToList();
        return new(best.Count == 1
            ? new MedicationMatch(name, best[0].Collection, best[0].Slug, best[0].Title, [])
            : new MedicationMatch(name, best[0].Collection, null, null, [.. best.Select(s => s.Title)]));
    }

    /// <summary>The drug whose rules name one of the order's RxNorm codes; ambiguous when two do; null when none does.</summary>
    private async Task<MedicationMatch?> ByCodeAsync(DraftOrder order, CancellationToken cancellationToken)
    {
        var codes = Codings(order).Where(c => c.System == RxNormSystem && !string.IsNullOrEmpty(c.Code)).ToList();
        if (codes.Count == 0)
        {
            return null;
        }

        var matched = new List<(string Slug, string Name)>();
        foreach (var slug in await dosing.DrugsAsync().ConfigureAwait(false))
        {
            var rules = await dosing.RulesAsync(slug).ConfigureAwait(false);
            if ((rules.Profile ?? rules.Draft) is { } profile && codes.Any(c => profile.RxNorm.Contains(c.Code)))
            {
                matched.Add((slug, profile.Name));
            }
        }

        var ordered = Invariant($"RxNorm {codes[0].Code}{(codes[0].Display is { } d ? $" ({d})" : string.Empty)}");
        if (matched.Count != 1)
        {
            return matched.Count == 0 ? null : new MedicationMatch(ordered, Collection.Composition, null, null, [.. matched.Select(m => m.Name)]);
        }

        var (found, name) = matched[0];
        var collection = await store.GetAsync(Collection.Composition, found, cancellationToken).ConfigureAwait(false) is null ? Collection.Combination : Collection.Composition;
        return new MedicationMatch(ordered, collection, found, name, []);
    }

    private static IEnumerable<Coding> Codings(DraftOrder order) =>
        order.Concept?.Coding ?? [];

    /// <summary>Each name the order gives its medication, with where it is, in the order they are tried.</summary>
    private static IEnumerable<(string Where, string? Name)> Names(DraftOrder order)
    {
        if (order.Order.Medication is ResourceReference reference)
        {
            yield return ("the reference's display", reference.Display);
        }

        if (order.Concept is { } concept)
        {
            yield return ("the text", concept.Text);
            foreach (var coding in concept.Coding)
            {
                yield return ("a coding's display", coding.Display);
            }
        }
    }

    /// <summary>A name's match in the generation's cache (distinct from every other kind of key there).</summary>
    private sealed record NameMatchKey(string Name);

    /// <summary>What one name matched; <see cref="None"/> when it matched no monograph.</summary>
    private sealed record NameMatch(MedicationMatch? Match)
    {
        public static readonly NameMatch None = new((MedicationMatch?)null);

        public static long Bytes(NameMatch found) =>
            found.Match is not { } match ? 64 : 128 + (2L * (match.Ordered.Length + (match.Title?.Length ?? 0) + (match.Slug?.Length ?? 0) + match.Ambiguous.Sum(t => t.Length)));
    }
}
