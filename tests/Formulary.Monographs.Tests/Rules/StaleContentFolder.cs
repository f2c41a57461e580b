namespace Formulary.Monographs.Tests.Rules;

/// <summary>
/// A temporary content folder with the seed whose toxicity sentence was edited (25% → 30%) and the
/// real clofarabine rules beside it: one stale quote. Deleted on dispose.
/// </summary>
internal sealed class StaleContentFolder : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("formulary-rules-");

    public StaleContentFolder()
    {
        var compositions = Directory.CreateDirectory(System.IO.Path.Combine(folder.FullName, "compositions"));
        File.WriteAllText(System.IO.Path.Combine(compositions.FullName, "clofarabine.md"),
            File.ReadAllText(RepoPaths.Seed).Replace("Reduce the dose by 25%", "Reduce the dose by 30%", StringComparison.Ordinal));
        Rules = System.IO.Path.Combine(compositions.FullName, "clofarabine.rules.yaml");
        File.Copy(RulesFixtures.ClofarabineRules, Rules);
    }

    public string Path => folder.FullName;

    public string Rules { get; }

    public void Dispose() => folder.Delete(recursive: true);
}
