using Formulary.Clinical.Dosing;
using Formulary.Clinical.Profiles;

namespace Formulary.Web.Dosing;

/// <summary>
/// Connects the site to the clinical engine: finds the drug's profile (loaded from the content's
/// <c>*.rules.yaml</c>) and hands the request to <see cref="DoseEngine"/>. No clinical logic here.
/// The profiles are replaced as a whole when content is imported again.
/// </summary>
internal sealed class DoseService(DoseEngine engine)
{
    private volatile IReadOnlyDictionary<string, DrugProfile> profiles = new Dictionary<string, DrugProfile>();

    public bool HasProfile(string slug) => profiles.ContainsKey(slug);

    public IReadOnlyCollection<string> Drugs => [.. profiles.Keys];

    public void Replace(IEnumerable<DrugProfile> loaded) =>
        profiles = loaded.ToDictionary(p => p.Slug, StringComparer.Ordinal);

    /// <summary>The dose answer, or null when no profile exists for <see cref="DoseRequest.Drug"/>.</summary>
    public DoseAnswer? Dose(DoseRequest request) =>
        request.Drug is { } drug && profiles.TryGetValue(drug, out var profile) ? engine.Dose(request, profile) : null;

    /// <summary>The screening answer (contraindications, interactions, alerts; no dose), or null when no profile exists.</summary>
    public DoseAnswer? Check(DoseRequest request) =>
        request.Drug is { } drug && profiles.TryGetValue(drug, out var profile) ? engine.Check(request, profile) : null;
}
