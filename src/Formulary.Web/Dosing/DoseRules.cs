using Formulary.Clinical.Profiles;
using Formulary.Monographs.Rules;

namespace Formulary.Web.Dosing;

/// <summary>The drug profiles of a content folder: every <c>*.rules.yaml</c> that loads without errors (see <see cref="DrugProfileCatalog"/>).</summary>
public static class DoseRules
{
    public static IReadOnlyList<DrugProfile> Load(string contentDirectory) =>
        [.. DrugProfileCatalog.Load(contentDirectory).Profiles];
}
