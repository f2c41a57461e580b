using Formulary.Clinical.Profiles;

namespace Formulary.Web.Dosing;

/// <summary>The drug profiles of a content folder (every <c>*.rules.yaml</c> that loads without errors).</summary>
public static class DoseRules
{
    public static IReadOnlyList<DrugProfile> Load(string contentDirectory)
    {
        ArgumentNullException.ThrowIfNull(contentDirectory);
        return [];
    }
}
