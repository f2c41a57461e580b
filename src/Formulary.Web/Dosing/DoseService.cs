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
    private volatile Dictionary<string, DrugProfile> profiles = new(StringComparer.Ordinal);

    public bool HasProfile(string slug) => profiles.ContainsKey(slug);

    public IReadOnlyList<string> Drugs => [.. profiles.Keys.Order(StringComparer.Ordinal)];

    public void Replace(IEnumerable<DrugProfile> loaded) =>
        profiles = loaded.ToDictionary(p => p.Slug, StringComparer.Ordinal);

    /// <summary>The dose answer, or null when no profile exists for <see cref="DoseRequest.Drug"/>.</summary>
    public DoseAnswer? Dose(DoseRequest request) =>
        Find(request) is { } profile ? engine.Dose(request, profile) : null;

    /// <summary>The screening answer (contraindications, interactions, alerts; no dose), or null when no profile exists.</summary>
    public DoseAnswer? Check(DoseRequest request) =>
        Find(request) is { } profile ? engine.Check(request, profile) : null;

    private DrugProfile? Find(DoseRequest request) =>
        request.Drug is { } drug ? profiles.GetValueOrDefault(drug.Trim().ToLowerInvariant()) : null;
}
