using System.Globalization;
using System.Text;
using Formulary.Monographs;
using Formulary.Monographs.Parsing;
using Formulary.Storage.Importing;
using Formulary.Storage.Sqlite;

namespace Formulary.Benchmarks.Storage;

/// <summary>
/// A SQLite database of 5,000 generated documents, built once and reused by every benchmark case:
/// the seed, 3,999 compositions made from the seed with generated drug and brand names (so every body
/// says "leukemia"), and 1,000 brand pages linked to them. Parsed by the real parser, imported by the real store.
/// </summary>
internal static class SearchCorpus
{
    public const int Compositions = 4_000;
    public const int Brands = 1_000;

    private static readonly string[] Syllables = ["clo", "fa", "ra", "bi", "cy", "ta", "flu", "da", "me", "tho", "xa", "zo", "pri", "lo", "ve", "nu"];

    public static string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), "formulary-bench-search-v2.db");

    public static string EnsureBuilt()
    {
        if (File.Exists(DatabasePath))
        {
            return DatabasePath;
        }

        var seed = File.ReadAllText(FindSeed());
        var parser = MonographParser.Default;
        var documents = new List<ImportDocument>(Compositions + Brands)
        {
            Document(parser, Collection.Composition, "clofarabine", seed),
        };
        for (var i = 1; i < Compositions; i++)
        {
            var name = DrugName(i);
            var text = seed.Replace("Clofarabine", name, StringComparison.Ordinal).Replace("clofarabine", name.ToLowerInvariant(), StringComparison.Ordinal)
                .Replace("Clolar", BrandName(i, 0), StringComparison.Ordinal).Replace("Evoltra", BrandName(i, 1), StringComparison.Ordinal);
            documents.Add(Document(parser, Collection.Composition, Slug(i), text));
        }

        for (var i = 0; i < Brands; i++)
        {
            var target = i % Compositions;
            var text = string.Create(CultureInfo.InvariantCulture,
                $"---\ntitle: {BrandName(target, 2 + i)} {10 + i % 90} mg Injection\ngeneric_slug: {(target == 0 ? "clofarabine" : Slug(target))}\nmrp: {100 + i}\n---\n## Usage\nA brand of {(target == 0 ? "clofarabine" : DrugName(target))} for leukemia.\n");
            documents.Add(Document(parser, Collection.Medicine, string.Create(CultureInfo.InvariantCulture, $"brand-{i:D4}"), text));
        }

        var building = DatabasePath + ".building";
        var store = SqliteMonographStore.Open(building, TimeProvider.System);
        store.ImportAsync(documents, ImportOptions.WholeContentSet).GetAwaiter().GetResult();
        store.DisposeAsync().AsTask().GetAwaiter().GetResult();

        File.Move(building, DatabasePath);
        return DatabasePath;
    }

    private static ImportDocument Document(MonographParser parser, Collection collection, string slug, string text) =>
        new(parser.Parse(collection, $"{collection.FolderName()}/{slug}.md", Encoding.UTF8.GetBytes(text)), text);

    private static string Slug(int i) => DrugName(i).ToLowerInvariant() + "-" + i.ToString(CultureInfo.InvariantCulture);

    private static string DrugName(int i)
    {
        var name = new StringBuilder();
        for (var n = i; name.Length < 9; n = n / Syllables.Length + 7)
        {
            name.Append(Syllables[n % Syllables.Length]);
        }

        name[0] = char.ToUpperInvariant(name[0]);
        return name.Append("ine").ToString();
    }

    private static string BrandName(int i, int variant) => string.Create(CultureInfo.InvariantCulture, $"{DrugName(i + 7 * variant)[..5]}ex{variant}");

    private static string FindSeed()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Formulary.slnx")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Formulary.slnx not found"), "content", "compositions", "clofarabine.md");
    }
}
