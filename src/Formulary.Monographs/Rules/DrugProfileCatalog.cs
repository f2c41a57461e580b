using Formulary.Clinical.Profiles;
using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Loading;

namespace Formulary.Monographs.Rules;

/// <summary>
/// Every drug profile of a content folder: each <c>*.rules.yaml</c> loaded with the monograph
/// beside it. A profile whose file has errors (a stale quote, a missing field) is left out and
/// its diagnostics kept, so the CLI and the web refuse to dose from it and can say why.
/// Immutable once built; share one instance.
/// </summary>
public sealed class DrugProfileCatalog
{
    private readonly Dictionary<string, DrugProfile> profiles;

    private DrugProfileCatalog(Dictionary<string, DrugProfile> profiles, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<RulesFileStatus> files)
    {
        this.profiles = profiles;
        Diagnostics = diagnostics;
        Files = files;
    }

    public static DrugProfileCatalog Empty { get; } = new([], [], []);

    /// <summary>The profiles the calculator may use: loaded without errors and reviewed.</summary>
    public IReadOnlyCollection<DrugProfile> Profiles => [.. profiles.Values.Where(p => p.Review.IsReviewed)];

    /// <summary>Profiles loaded without errors whose rules are still a machine-read draft.</summary>
    public IReadOnlyCollection<DrugProfile> Drafts => [.. profiles.Values.Where(p => !p.Review.IsReviewed)];

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Every rules file found, in path order, with its review status.</summary>
    public IReadOnlyList<RulesFileStatus> Files { get; }

    /// <summary>The reviewed profile of a drug; null for a draft, a file with errors, or no file.</summary>
    public DrugProfile? Find(string slug) => Find(slug, includeDrafts: false);

    /// <summary>As <see cref="Find(string)"/>, but an editor may ask for a draft too (every answer then carries DRAFT_RULES).</summary>
    public DrugProfile? Find(string slug, bool includeDrafts)
    {
        ArgumentNullException.ThrowIfNull(slug);
        var profile = profiles.GetValueOrDefault(slug.Trim().ToLowerInvariant());
        return profile is not null && (includeDrafts || profile.Review.IsReviewed) ? profile : null;
    }

    /// <summary>The diagnostics of one drug's rules file (why <see cref="Find"/> returned null).</summary>
    public IEnumerable<Diagnostic> DiagnosticsFor(string slug) =>
        Diagnostics.Where(d => string.Equals(RulesLoader.SlugOf(d.File), slug.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Loads every rules file under <paramref name="contentDirectory"/> (any depth), each with its monograph.</summary>
    public static DrugProfileCatalog Load(string contentDirectory, ContentLoader? loader = null)
    {
        ArgumentNullException.ThrowIfNull(contentDirectory);
        if (!Directory.Exists(contentDirectory))
        {
            return Empty;
        }

        loader ??= new ContentLoader();
        var found = new Dictionary<string, DrugProfile>(StringComparer.Ordinal);
        var diagnostics = new List<Diagnostic>();
        var statuses = new List<RulesFileStatus>();
        var folder = ContentFolder.Open(contentDirectory);
        foreach (var file in folder.Files(contentDirectory, RulesLoader.Suffix, diagnostics))
        {
            var monographFile = RulesLoader.MonographPathFor(file);
            var collection = CollectionInfo.TryParse(Path.GetFileName(Path.GetDirectoryName(file)), out var c) ? c : Collection.Composition;
            var monograph = FileProbe.KindOf(monographFile) == FileKind.Missing ? null : loader.Read(folder, collection, monographFile);
            var result = RulesLoader.LoadFile(file, monograph, folder);
            diagnostics.AddRange(result.Diagnostics);
            statuses.Add(Status(file, result));
            if (result.Profile is { } profile)
            {
                found.TryAdd(profile.Slug, profile);
            }
        }

        return new DrugProfileCatalog(found, diagnostics, statuses);
    }

    private static RulesFileStatus Status(string file, RulesLoadResult result)
    {
        var errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var profile = result.Profile;
        var status = profile is null ? RulesFileStatus.Invalid : profile.Review.IsReviewed ? RulesFileStatus.Reviewed : RulesFileStatus.Draft;
        var regimens = profile is null ? 0 : profile.Regimens.Count + (profile.Dosing?.Regimens.Count ?? 0);
        return new RulesFileStatus(RulesLoader.SlugOf(file), file, status, profile?.Review.By, profile?.Review.Date, regimens, errors);
    }
}
