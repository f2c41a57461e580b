using System.Net;
using System.Text;
using System.Text.Json;
using Formulary.Monographs;
using Formulary.Monographs.Model;
using Formulary.Monographs.Parsing;
using Formulary.Monographs.Parsing.Body;
using Formulary.Storage.Search;

namespace Formulary.Storage.Tests.Search;

/// <summary>
/// Random monographs (nested sections, every heading shape real files use) whose every word belongs to
/// exactly one section or heading: a search for a section's word must land on that section and show a
/// snippet made only of that section's own words: no heading, no word of another section.
/// </summary>
public sealed class SearchSnippetPropertyTests
{
    private const int Documents = 300;

    [Fact]
    public void Snippet_ForAWordOfOneSection_LinksThereAndHoldsOnlyThatSectionsText()
    {
        for (var seed = 0; seed < Documents; seed++)
        {
            var generated = new GeneratedMonograph(new Random(seed));
            var monograph = MonographParser.Default.Parse(Collection.Composition, "compositions/generated.md", Encoding.UTF8.GetBytes(generated.Text));
            var search = SearchDocument.From(monograph);
            var segments = JsonSerializer.Serialize(search.Segments, ModelJson.Options);
            var random = new Random(seed);
            foreach (var (anchor, words) in generated.Sections)
            {
                var asked = words.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToList();

                var (section, html) = SearchSnippet.For(new TermMatcher(asked), search.Title, search.Names, search.Body, segments);

                var context = $"seed {seed}, words [{string.Join(' ', asked)}], snippet '{html}'\n{generated.Text}";
                Assert.True(anchor == section, $"landed on '{section}', expected '{anchor}': {context}");
                Assert.True(asked.Any(w => html.Contains($"<mark>{w}</mark>", StringComparison.Ordinal)), $"no word marked: {context}");
                var shown = TermMatcher.Words(Plain(html), 0, Plain(html).Length).Select(w => Plain(html)[w.From..w.To]);
                Assert.All(shown, word => Assert.True(words.Contains(word), $"'{word}' is not {anchor ?? "the description"}'s text: {context}"));
            }
        }
    }

    [Fact]
    public void OwnText_OfEveryParsedSection_IsFoundForBundledAndGeneratedContent()
    {
        var files = Directory.GetFiles(RepositoryContent(), "*.md", SearchOption.AllDirectories)
            .Select(path => File.ReadAllBytes(path))
            .Concat(Enumerable.Range(0, 50).Select(seed => Encoding.UTF8.GetBytes(new GeneratedMonograph(new Random(seed)).Text)));
        foreach (var bytes in files)
        {
            var monograph = MonographParser.Default.Parse(Collection.Composition, "compositions/x.md", bytes);
            Assert.All(Flatten(monograph.Sections), section => Assert.NotNull(SectionText.Own(section)));
        }
    }

    private static string Plain(string html) => WebUtility.HtmlDecode(html.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal));

    private static IEnumerable<Section> Flatten(IEnumerable<Section> sections) => sections.SelectMany(s => Flatten(s.Children).Prepend(s));

    private static string RepositoryContent()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Formulary.slnx")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory!.FullName, "content");
    }

    /// <summary>
    /// A monograph made of unique six-letter words (none a prefix of another), each section's own words
    /// recorded with the anchor its page gives it; headings and their notes use words of their own.
    /// </summary>
    private sealed class GeneratedMonograph
    {
        private readonly Random random;
        private readonly StringBuilder text = new();
        private int next;

        public GeneratedMonograph(Random random)
        {
            this.random = random;
            var description = Words(random.Next(3, 12));
            text.Append("---\ntitle: ").Append(Word()).Append("\ndescription: ").Append(string.Join(' ', description)).Append("\n---\n");
            Sections.Add((null, [.. description]));
            for (var i = random.Next(1, 5); i > 0; i--)
            {
                Section(level: 2, parentAnchor: null);
            }
        }

        public string Text => text.ToString();

        public List<(string? Anchor, HashSet<string> Words)> Sections { get; } = [];

        private void Section(int level, string? parentAnchor)
        {
            var title = Word();
            var anchor = parentAnchor is null ? title : parentAnchor + "-" + title;
            var hashes = new string('#', level) + " ";
            var own = new HashSet<string>(StringComparer.Ordinal);
            // Text after a bold title on the heading line ("#### **Adults:** 40 mg", "## **Precautions**  (See
            // above…)") is the section's first text, on the page as in the parser; after a plain title it is
            // part of the heading.
            var shape = random.Next(6);
            var trailing = shape < 3 && random.Next(3) == 0 ? Words(random.Next(1, 8)) : [];
            var note = shape == 2 ? "(" + string.Join(' ', trailing) + ")" : string.Join(' ', trailing);
            own.UnionWith(trailing);
            text.Append('\n').Append(hashes).Append(shape switch
            {
                0 => $"**{Capital(title)}**",
                1 => $"**{Capital(title)}:**",
                2 => $"**{Capital(title)}**  ",
                3 => Capital(title),
                4 => Capital(title) + ":",
                _ => $"{Capital(title)} ({string.Join(' ', Words(2))})",
            });
            text.Append(trailing.Count > 0 ? " " + note : string.Empty).Append("\n\n");
            for (var paragraphs = random.Next(trailing.Count > 0 ? 0 : 1, 3); paragraphs > 0; paragraphs--)
            {
                var words = Words(random.Next(2, 30));
                own.UnionWith(words);
                text.Append(random.Next(3) == 0 ? "- " + string.Join("\n- ", words.Chunk(4).Select(c => string.Join(' ', c))) : $"{string.Join(' ', words)}.").Append("\n\n");
            }

            Sections.Add((anchor, own));
            if (level < 4)
            {
                for (var i = random.Next(0, 3); i > 0; i--)
                {
                    Section(level + 1, anchor);
                }
            }
        }

        private List<string> Words(int count) => [.. Enumerable.Range(0, count).Select(_ => Word())];

        /// <summary>"x" and five letters of a counter: all distinct, all the same length.</summary>
        private string Word()
        {
            var word = new char[6];
            word[0] = 'x';
            for (int i = 5, n = next++; i > 0; i--, n /= 26)
            {
                word[i] = (char)('a' + (n % 26));
            }

            return new string(word);
        }

        private static string Capital(string word) => char.ToUpperInvariant(word[0]) + word[1..];
    }
}
