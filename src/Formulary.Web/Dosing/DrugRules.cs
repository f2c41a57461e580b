using Formulary.Clinical.Profiles;
using Formulary.Monographs.Diagnostics;

namespace Formulary.Web.Dosing;

/// <summary>
/// A drug's dose rules as stored: <see cref="Profile"/> when they load; otherwise, when the drug has a
/// rules file (<see cref="HasRules"/>), the RULE errors that keep the calculator off (<see cref="Problems"/>).
/// </summary>
internal sealed record DrugRules(string Slug, bool HasRules, DrugProfile? Profile, IReadOnlyList<Diagnostic> Problems)
{
    public static DrugRules None(string slug) => new(slug, false, null, []);

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
