using Formulary.Clinical.Dosing;
using Formulary.Monographs.Rules;

namespace Formulary.Web.Dosing;

/// <summary>
/// Connects the site to the clinical engine: finds the drug's profile in the catalog loaded from
/// the content's <c>*.rules.yaml</c> and hands the request to <see cref="DoseEngine"/>. No clinical
/// logic here. The catalog is replaced as a whole when content is imported again.
/// </summary>
internal sealed class DoseService(DoseEngine engine)
{
    private volatile DrugProfileCatalog catalog = DrugProfileCatalog.Empty;

    public bool HasProfile(string slug) => catalog.Find(slug) is not null;

    public IReadOnlyList<string> Drugs => [.. catalog.Profiles.Select(p => p.Slug).Order(StringComparer.Ordinal)];

    public void Replace(DrugProfileCatalog loaded) => catalog = loaded;

    /// <summary>The dose answer, or null when no profile exists for <see cref="DoseRequest.Drug"/>.</summary>
    public DoseAnswer? Dose(DoseRequest request) =>
        request.Drug is { } drug && catalog.Find(drug) is { } profile ? engine.Dose(request, profile) : null;

    /// <summary>The screening answer (contraindications, interactions, alerts; no dose), or null when no profile exists.</summary>
    public DoseAnswer? Check(DoseRequest request) =>
        request.Drug is { } drug && catalog.Find(drug) is { } profile ? engine.Check(request, profile) : null;
}
