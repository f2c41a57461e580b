using Formulary.Clinical.Profiles;
using Formulary.Monographs.Rules;

namespace Formulary.Monographs.Tests.Rules;

/// <summary>The real clofarabine rules with the real seed monograph, and the invented fixture drug.</summary>
internal static class RulesFixtures
{
    public static string ClofarabineRules => Path.Combine(RepoPaths.Content, "compositions", "clofarabine.rules.yaml");

    public static string InventamabRules => Path.Combine(RepoPaths.Root, "tests", "Formulary.Monographs.Tests", "Rules", "Fixtures", "inventamab.rules.yaml");

    public static RulesLoadResult LoadClofarabine() => RulesLoader.LoadFile(ClofarabineRules, Parse.Seed());

    public static DrugProfile Clofarabine { get; } = LoadClofarabine().Profile
        ?? throw new InvalidOperationException("clofarabine.rules.yaml has errors: " + string.Join("; ", LoadClofarabine().Diagnostics));

    /// <summary>The rules file's text with <paramref name="from"/> replaced, loaded against the real seed.</summary>
    public static RulesLoadResult ClofarabineWith(string from, string to) =>
        RulesLoader.Load(ClofarabineRules, File.ReadAllText(ClofarabineRules).Replace(from, to, StringComparison.Ordinal), Parse.Seed());

    /// <summary>The real rules loaded against the seed with <paramref name="from"/> replaced in the monograph.</summary>
    public static RulesLoadResult ClofarabineAgainstEditedSeed(string from, string to)
    {
        var text = File.ReadAllText(RepoPaths.Seed);
        Assert.Contains(from, text, StringComparison.Ordinal);
        return RulesLoader.LoadFile(ClofarabineRules, Parse.Text(text.Replace(from, to, StringComparison.Ordinal), path: RepoPaths.Seed));
    }

    /// <summary>1-based line of the first line of the rules file containing <paramref name="text"/>.</summary>
    public static int LineOf(string file, string text) =>
        Array.FindIndex(File.ReadAllLines(file), line => line.Contains(text, StringComparison.Ordinal)) + 1;
}
