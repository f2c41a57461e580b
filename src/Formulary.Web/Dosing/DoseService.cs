using Formulary.Clinical.Dosing;
using Formulary.Clinical.Patients;
using Formulary.Clinical.Profiles;

namespace Formulary.Web.Dosing;

/// <summary>
/// Connects the site to the clinical engine: finds the drug's profile (loaded from the content's
/// <c>*.rules.yaml</c>) and hands the typed input to <see cref="DoseEngine"/>. No clinical logic here.
/// The profiles are replaced as a whole when content is imported again.
/// </summary>
internal sealed class DoseService(DoseEngine engine)
{
    private volatile Dictionary<string, DrugProfile> profiles = new(StringComparer.Ordinal);

    public bool HasProfile(string slug) => profiles.ContainsKey(slug);

    public IReadOnlyList<string> Drugs => [.. profiles.Keys.Order(StringComparer.Ordinal)];

    public void Replace(IEnumerable<DrugProfile> loaded) =>
        profiles = loaded.ToDictionary(p => p.Slug, StringComparer.Ordinal);

    /// <summary>The dose answer, or null when no profile exists for <paramref name="drug"/>.</summary>
    public DoseAnswer? Dose(string? drug, PatientInput input) =>
        Find(drug) is { } profile ? engine.Dose(input, profile) : null;

    /// <summary>The screening answer (contraindications, interactions, alerts; no dose), or null when no profile exists.</summary>
    public DoseAnswer? Check(string? drug, PatientInput input) =>
        Find(drug) is { } profile ? engine.Check(input, profile) : null;

    private DrugProfile? Find(string? drug) =>
        drug is { } slug ? profiles.GetValueOrDefault(slug.Trim().ToLowerInvariant()) : null;
}
