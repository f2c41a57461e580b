using System.Globalization;
using System.Text;
using Formulary.Monographs;
using Formulary.Monographs.Parsing;
using Formulary.Storage.Importing;
using Formulary.Storage.Sqlite;

namespace Formulary.Benchmarks.Storage;

/// <summary>
/// A SQLite database of 100,000 small generated compositions (the A–Z queries read titles and
/// summaries, not bodies), titled from syllables so every letter has documents and the commonest holds
/// several thousand. Parsed by the real parser, imported by the real store, built once into the temp folder.
/// </summary>
internal static class BrowseCorpus
{
    public const int Documents = 100_000;

    private static readonly string[] Syllables = ["a", "be", "ci", "do", "fu", "ga", "he", "ki", "lo", "mu", "na", "pe", "qui", "ro", "su", "ta", "ve", "xo", "ya", "ze", "jo", "we", "ur", "ob", "il", "en"];

    public static string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), "formulary-bench-browse-100k.db");

    public static string EnsureBuilt()
    {
        if (File.Exists(DatabasePath))
        {
            return DatabasePath;
        }

        var parser = MonographParser.Default;
        var documents = new List<ImportDocument>(Documents);
        for (var i = 0; i < Documents; i++)
        {
            var slug = string.Create(CultureInfo.InvariantCulture, $"drug-{i:D6}");
            var text = $"---\ntitle: {Title(i)}\ndescription: Generated for the A-Z benchmarks.\n---\n## Usage\n\nGenerated monograph {i}.\n";
            documents.Add(new ImportDocument(parser.Parse(Collection.Composition, $"compositions/{slug}.md", Encoding.UTF8.GetBytes(text)), text));
        }

        var building = DatabasePath + ".building";
        var store = SqliteMonographStore.Open(building, TimeProvider.System);
        store.ImportAsync(documents, ImportOptions.WholeContentSet).GetAwaiter().GetResult();
        store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        File.Move(building, DatabasePath);
        return DatabasePath;
    }

    private static string Title(int i)
    {
        var title = new StringBuilder();
        for (var n = i * 7919; title.Length < 8; n = (n / Syllables.Length) + 13)
        {
            title.Append(Syllables[n % Syllables.Length]);
        }

        title[0] = char.ToUpperInvariant(title[0]);
        return title.Append("mab ").Append(i.ToString(CultureInfo.InvariantCulture)).ToString();
    }
}
