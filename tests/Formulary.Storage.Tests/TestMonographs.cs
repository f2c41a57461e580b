using System.Security.Cryptography;
using System.Text;
using Formulary.Monographs;
using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Model;
using Formulary.Storage.Importing;

namespace Formulary.Storage.Tests;

/// <summary>Builds monograph models directly (as the parser would) so store tests do not depend on parsing.</summary>
internal static class TestMonographs
{
    public static ImportDocument Composition(string slug, string title, string body, params string[] alternateNames) =>
        Document(Collection.Composition, slug, title, body, new FrontMatter { Title = title }, alternateNames);

    public static ImportDocument Combination(string slug, string title, string body, params string[] ingredientSlugs) =>
        Document(Collection.Combination, slug, title, body,
            new FrontMatter { Title = title, Ingredients = [.. ingredientSlugs.Select(i => new Ingredient(i, null))] }, []);

    public static ImportDocument Brand(string slug, string title, string genericSlug, string body = "A brand product.") =>
        Document(Collection.Medicine, slug, title, body, new FrontMatter { Title = title, GenericSlug = genericSlug }, []);

    public static ImportDocument Document(
        Collection collection, string slug, string title, string body, FrontMatter frontMatter, IReadOnlyList<string> alternateNames,
        IReadOnlyList<Diagnostic>? diagnostics = null)
    {
        var source = $"---\ntitle: {title}\n---\n{body}";
        var sections = Sections(body);
        return new ImportDocument(
            new Monograph
            {
                Collection = collection,
                Slug = slug,
                SourcePath = $"content/{collection.FolderName()}/{slug}.md",
                ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source))),
                FrontMatter = frontMatter,
                Title = title,
                Description = new MonographDescription("", "", false),
                Sections = sections,
                Faqs = [],
                AlternateNames = alternateNames,
                Body = body,
                BodyStartLine = 4,
                Diagnostics = diagnostics ?? [],
            },
            source);
    }

    /// <summary>"## Heading" lines start sections; the text up to the next heading is the section's plain text.</summary>
    private static List<Section> Sections(string body)
    {
        var sections = new List<Section>();
        string? heading = null;
        var text = new StringBuilder();
        var line = 0;
        foreach (var raw in body.Split('\n'))
        {
            line++;
            if (raw.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                heading = raw[3..].Trim();
                continue;
            }

            text.AppendLine(raw);
        }

        Flush();
        return sections;

        void Flush()
        {
            if (heading is not null)
            {
                var key = heading.ToLowerInvariant().Replace(' ', '-');
                sections.Add(new Section(key, heading, "## " + heading, 2, line, text.ToString(), text.ToString(), []));
            }

            text.Clear();
        }
    }
}
