using Formulary.Clinical.Profiles;
using Formulary.Monographs;
using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Rules;

namespace Formulary.Storage.Rules;

/// <summary>
/// A drug's dose rules as stored: <see cref="Profile"/> when they load and are reviewed; otherwise, when the drug has a
/// rules file (<see cref="HasRules"/>), the RULE errors that keep the calculator off (<see cref="Problems"/>).
/// </summary>
public sealed record DrugRules(string Slug, bool HasRules, DrugProfile? Profile, IReadOnlyList<Diagnostic> Problems)
{
    /// <summary>Rules that load but are a machine-read draft: never computed with (editors may, with a DRAFT_RULES alert); the page lists their statements.</summary>
    public DrugProfile? Draft { get; init; }

    private static readonly Collection[] RuleCollections = [Collection.Composition, Collection.Combination];

    public static DrugRules None(string slug) => new(slug, false, null, []);

    /// <summary>
    /// The drug's rules as the store holds them (the composition, else the combination, with that slug),
    /// read and checked against the stored monograph: the one way the site and the CLI get a profile.
    /// </summary>
    public static async Task<DrugRules> LoadAsync(IMonographStore store, string slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(slug);
        foreach (var collection in RuleCollections)
        {
            if (await store.GetAsync(collection, slug, cancellationToken).ConfigureAwait(false) is { Rules: { } rules } stored)
            {
                var loaded = RulesLoader.Load(rules.Path, rules.Text, stored.Monograph);
                var problems = loaded.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                return loaded.Profile is { Review.IsReviewed: false } draft
                    ? new DrugRules(slug, true, null, problems) { Draft = draft }
                    : new DrugRules(slug, true, loaded.Profile, problems);
            }
        }

        return None(slug);
    }

    /// <summary>The slugs of the live drugs whose monograph has a rules file, whether or not the rules load.</summary>
    public static async Task<IReadOnlySet<string>> DrugsAsync(IMonographStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Drugs(await store.ListAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The same set from a listing already read.</summary>
    public static IReadOnlySet<string> Drugs(IEnumerable<Listing.MonographSummary> summaries) =>
        summaries.Where(s => s.HasRules && RuleCollections.Contains(s.Collection)).Select(s => s.Slug).ToHashSet(StringComparer.Ordinal);

    /// <summary>"RULE001 at clofarabine.rules.yaml(12,5): …" for each problem, without server paths.</summary>
    public string ProblemsText => string.Join("; ", Problems.Select(d =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{d.Code} at {Path.GetFileName(d.File)}({d.Line},{d.Column}): {MessageOf(d)}")));

    /// <summary>A diagnostic's message with the content folder's path taken out (it names the monograph file by path).</summary>
    public static string MessageOf(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var folder = Path.GetDirectoryName(diagnostic.File);
        return string.IsNullOrEmpty(folder) ? diagnostic.Message : diagnostic.Message.Replace(folder + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);
    }
}
