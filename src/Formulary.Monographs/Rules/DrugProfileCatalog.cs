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

    private DrugProfileCatalog(Dictionary<string, DrugProfile> profiles, IReadOnlyList<Diagnostic> diagnostics)
    {
        this.profiles = profiles;
        Diagnostics = diagnostics;
    }

    public static DrugProfileCatalog Empty { get; } = new([], []);

    public IReadOnlyCollection<DrugProfile> Profiles => profiles.Values;

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public DrugProfile? Find(string slug) => profiles.GetValueOrDefault(slug.Trim().ToLowerInvariant());

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
        var folder = ContentFolder.Open(contentDirectory);
        foreach (var file in folder.Files(contentDirectory, RulesLoader.Suffix, diagnostics))
        {
            var monographFile = RulesLoader.MonographPathFor(file);
            var collection = CollectionInfo.TryParse(Path.GetFileName(Path.GetDirectoryName(file)), out var c) ? c : Collection.Composition;
            var monograph = FileProbe.KindOf(monographFile) == FileKind.Missing ? null : loader.Read(folder, collection, monographFile);
            var result = RulesLoader.LoadFile(file, monograph, folder);
            diagnostics.AddRange(result.Diagnostics);
            if (result.Profile is { } profile)
            {
                found.TryAdd(profile.Slug, profile);
            }
        }

        return new DrugProfileCatalog(found, diagnostics);
    }
}
