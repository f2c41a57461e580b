using System.Text;
using Formulary.Monographs;

namespace Formulary.Benchmarks.Parsing;

/// <summary>
/// A deterministic corpus of monographs made from the bundled content (the seed and the samples):
/// 70% compositions, 15% combinations of two generated compositions, 15% brand pages linking to
/// them, with varied names, heading styles, missing sections, FAQ shapes and descriptions; each
/// composition's Standard Dosage is generated prose in the shapes real monographs use (<see cref="DosingProse"/>).
/// The same count always gives the same bytes.
/// </summary>
public static class CorpusGenerator
{
    private const int Seed = 20_261_125;
    private static readonly string[] Syllables = ["cla", "fo", "ra", "bi", "zen", "mo", "tri", "xa", "lu", "pre", "vo", "den", "sa", "ti", "ko"];
    private static readonly string[] Suffixes = ["bine", "mab", "tinib", "pril", "statin", "zole", "cillin", "mycin", "parin", "olol"];
    private static readonly string[] DroppableSections = ["Alternate Names", "Popular Combinations", "Precautions", "Drug Interactions", "How It Works"];

    public static IReadOnlyList<GeneratedDocument> Generate(string contentRoot, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 3);
        var compositionTemplates = Directory.GetFiles(Path.Combine(contentRoot, "compositions"), "*.md").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var combinationTemplate = File.ReadAllText(Directory.GetFiles(Path.Combine(contentRoot, "combinations"), "*.md").Order(StringComparer.Ordinal).First());
        var medicineTemplates = Directory.GetFiles(Path.Combine(contentRoot, "medicines"), "*.md").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();

        var random = new Random(Seed);
        var compositions = count * 70 / 100;
        var combinations = (count - compositions) / 2;
        var documents = new List<GeneratedDocument>(count);
        var names = new List<string>(compositions);
        for (var i = 0; i < compositions; i++)
        {
            var template = compositionTemplates[i % compositionTemplates.Count];
            var name = Name(random, i);
            names.Add(name);
            var dosing = DosingProse.Generate(random);
            documents.Add(Document(Collection.Composition, name.ToLowerInvariant(), Composition(random, DosingProse.Replace(template, dosing), name)));
        }

        var combinationSlugs = new List<string>(combinations);
        for (var i = 0; i < combinations; i++)
        {
            var (first, second) = (names[random.Next(names.Count)], names[random.Next(names.Count)]);
            var slug = first.ToLowerInvariant() + "-" + second.ToLowerInvariant() + (i % 7 == 0 ? "-kit" : string.Empty);
            if (combinationSlugs.Contains(slug, StringComparer.Ordinal))
            {
                slug += "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            combinationSlugs.Add(slug);
            var text = combinationTemplate
                .Replace("generic_slug: folicacid", "generic_slug: " + first.ToLowerInvariant(), StringComparison.Ordinal)
                .Replace("generic_slug: methotrexate", "generic_slug: " + second.ToLowerInvariant(), StringComparison.Ordinal)
                .Replace("Folic Acid", first, StringComparison.Ordinal).Replace("Methotrexate", second, StringComparison.Ordinal)
                .Replace("folic acid", first, StringComparison.Ordinal).Replace("methotrexate", second, StringComparison.Ordinal);
            documents.Add(Document(Collection.Combination, slug, Composition(random, text, first + " + " + second)));
        }

        for (var i = 0; documents.Count < count; i++)
        {
            var template = medicineTemplates[i % medicineTemplates.Count];
            var brand = char.ToUpperInvariant(Syllables[random.Next(Syllables.Length)][0]) + Syllables[random.Next(Syllables.Length)][1..] + Syllables[random.Next(Syllables.Length)] + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var text = template
                .Replace("generic_slug: clofarabine", "generic_slug: " + names[random.Next(names.Count)].ToLowerInvariant(), StringComparison.Ordinal)
                .Replace("combination_slug: folicacid-methotrexate", "combination_slug: " + combinationSlugs[random.Next(combinationSlugs.Count)], StringComparison.Ordinal)
                .Replace("title: Clolar", "title: " + brand, StringComparison.Ordinal)
                .Replace("title: Folimet", "title: " + brand, StringComparison.Ordinal);
            documents.Add(Document(Collection.Medicine, brand.ToLowerInvariant(), text));
        }

        return documents;
    }

    public static void WriteTo(IReadOnlyList<GeneratedDocument> documents, string outputFolder)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var document in documents)
        {
            var path = Path.Combine(outputFolder, document.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, document.Content);
        }
    }

    private static string Composition(Random random, string template, string name)
    {
        var title = template[(template.IndexOf("title: ", StringComparison.Ordinal) + 7)..];
        title = title[..title.IndexOf('\n', StringComparison.Ordinal)].Trim();
        var text = template.Replace(title, name, StringComparison.Ordinal)
            .Replace(title.ToLowerInvariant(), name.ToLowerInvariant(), StringComparison.Ordinal);
        text = DocumentVariation.HeadingStyle(text, random.Next(4));
        for (var drops = random.Next(3); drops > 0; drops--)
        {
            text = DocumentVariation.DropSection(text, DroppableSections[random.Next(DroppableSections.Length)]);
        }

        text = random.Next(3) switch
        {
            0 => text,
            1 => DocumentVariation.WithCleanFaqs(text),
            _ => DocumentVariation.WithoutFrontMatterFaqs(text),
        };
        return random.Next(2) == 0 ? text : DocumentVariation.WithFullDescription(text, name + " is a generated monograph for the parsing benchmark.");
    }

    private static string Name(Random random, int index)
    {
        var builder = new StringBuilder();
        builder.Append(char.ToUpperInvariant(Syllables[random.Next(Syllables.Length)][0]));
        builder.Append(Syllables[random.Next(Syllables.Length)][1..]).Append(Syllables[random.Next(Syllables.Length)]);
        builder.Append(Suffixes[random.Next(Suffixes.Length)]);
        // Base-26 index suffix keeps every name unique while staying a word.
        for (var n = index; n > 0; n /= 26)
        {
            builder.Append((char)('a' + (n % 26)));
        }

        return builder.ToString();
    }

    private static GeneratedDocument Document(Collection collection, string slug, string text) =>
        new(collection, slug, Encoding.UTF8.GetBytes(text));
}
