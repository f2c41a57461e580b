using System.Globalization;
using Formulary.Monographs;
using Formulary.Monographs.Model;
using Formulary.Storage.Listing;
using Formulary.Storage.Versions;

namespace Formulary.Cli.Output;

/// <summary>The text form of <c>formulary show</c>: header, description, names, links, section tree, FAQ, diagnostics.</summary>
internal static class MonographText
{
    public static object LinkSlugs(MonographLinks links) => new
    {
        Brands = links.Brands.Select(b => b.Slug),
        CombinationsContaining = links.CombinationsContaining.Select(c => c.Slug),
        Ingredients = links.Ingredients.Select(i => i.Slug),
        BrandOf = links.BrandOf is { } target ? new { target.Collection, target.Slug } : null,
    };

    public static void Write(TextWriter output, StoredMonograph stored, MonographLinks links)
    {
        var (m, version) = (stored.Monograph, stored.Version);
        output.WriteLine(m.Title);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{m.Collection.FolderName()}/{m.Slug}  {m.Collection.UrlPath(m.Slug)}  version {version.Number}, imported {version.ImportedAt:yyyy-MM-dd HH:mm:ss}Z from {version.SourcePath}"));
        if (m.FrontMatter.IsBanned)
        {
            output.WriteLine("BANNED: this product is marked is_banned.");
        }

        output.WriteLine();
        output.WriteLine(m.Description.IsTruncated ? "Description (derived from Usage; the original is cut off):" : "Description:");
        output.WriteLine("  " + m.Description.Full);
        if (m.AlternateNames.Count > 0)
        {
            output.WriteLine("Alternate names: " + string.Join(", ", m.AlternateNames));
        }

        WriteLinks(output, m, links);
        output.WriteLine();
        output.WriteLine("Sections:");
        foreach (var section in m.Sections)
        {
            WriteSection(output, section, 1);
        }

        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FAQ ({m.Faqs.Count}):"));
        foreach (var faq in m.Faqs)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Q{faq.Number}. {faq.Question}{(faq.WasRepaired ? "  [repaired]" : "")}"));
            output.WriteLine("      " + faq.Answer);
        }

        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Diagnostics ({m.Diagnostics.Count}):"));
        foreach (var diagnostic in m.Diagnostics)
        {
            output.WriteLine("  " + diagnostic);
        }
    }

    private static void WriteLinks(TextWriter output, Monograph m, MonographLinks links)
    {
        foreach (var link in m.Links)
        {
            output.WriteLine($"Links to: {link.Target.FolderName()}/{link.Slug} ({link.Field})");
        }

        if (links.Brands.Count > 0)
        {
            output.WriteLine("Brands: " + string.Join(", ", links.Brands.Select(b => $"{b.Title} ({b.Slug})")));
        }

        if (links.CombinationsContaining.Count > 0)
        {
            output.WriteLine("In combinations: " + string.Join(", ", links.CombinationsContaining.Select(c => $"{c.Title} ({c.Slug})")));
        }
    }

    private static void WriteSection(TextWriter output, Section section, int depth)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{new string(' ', depth * 2)}- {section.Title} (line {section.Line})"));
        foreach (var child in section.Children)
        {
            WriteSection(output, child, depth + 1);
        }
    }
}
