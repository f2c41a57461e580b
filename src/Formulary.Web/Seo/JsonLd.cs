using Formulary.Monographs;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Formulary.Web.Pages;
using Formulary.Web.Pages.Monograph;

namespace Formulary.Web.Seo;

/// <summary>
/// schema.org structured data for search engines, as the sites Formulary replaces publish it:
/// <c>MedicalWebPage</c> about a <c>Drug</c> (with <c>activeIngredient</c> for combinations),
/// <c>FAQPage</c> from the repaired FAQ, and <c>WebSite</c> with a <c>SearchAction</c> on the home page.
/// Serialized with System.Text.Json's default encoder, which escapes <c>&lt;</c> and <c>&gt;</c>, so the
/// text can never close the surrounding script element.
/// </summary>
internal static class JsonLd
{
    private const string Context = "https://schema.org";

    public static string WebSite(SiteContext site) => Serialize(new JsonObject
    {
        ["@context"] = Context,
        ["@type"] = "WebSite",
        ["name"] = SiteContext.SiteName,
        ["url"] = site.Absolute("/"),
        ["potentialAction"] = new JsonObject
        {
            ["@type"] = "SearchAction",
            ["target"] = new JsonObject
            {
                ["@type"] = "EntryPoint",
                ["urlTemplate"] = site.Absolute(site.SearchPath + "?q={search_term_string}"),
            },
            ["query-input"] = "required name=search_term_string",
        },
    });

    public static IReadOnlyList<string> ForMonograph(MonographPage page, SiteContext site)
    {
        var monograph = page.Monograph;
        var drug = new JsonObject
        {
            ["@type"] = "Drug",
            ["name"] = monograph.Title,
            ["url"] = site.Absolute(page.Path),
        };
        if (monograph.AlternateNames.Count > 0)
        {
            drug["alternateName"] = new JsonArray([.. monograph.AlternateNames.Select(n => (JsonNode?)n)]);
        }

        var ingredients = page.Links.Ingredients.Select(i => i.Title).ToList();
        if (ingredients.Count == 0 && monograph.Collection == Collection.Combination)
        {
            ingredients = [.. monograph.FrontMatter.Ingredients.Select(i => i.GenericSlug)];
        }

        if (ingredients.Count > 0)
        {
            drug["activeIngredient"] = string.Join(", ", ingredients);
        }

        if (monograph.FrontMatter.Company is { Length: > 0 } company)
        {
            drug["manufacturer"] = new JsonObject { ["@type"] = "Organization", ["name"] = company };
        }

        if (monograph.FrontMatter.Strength is { Length: > 0 } strength)
        {
            drug["availableStrength"] = new JsonObject { ["@type"] = "DrugStrength", ["description"] = strength };
        }

        var webPage = new JsonObject
        {
            ["@context"] = Context,
            ["@type"] = "MedicalWebPage",
            ["name"] = monograph.Title,
            ["url"] = site.Absolute(page.Path),
            ["description"] = monograph.Description.Full,
            ["about"] = drug,
            ["mainEntity"] = drug.DeepClone(),
        };
        if (page.LastModified is { } modified)
        {
            webPage["dateModified"] = modified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        var documents = new List<string> { Serialize(webPage) };
        if (monograph.Faqs.Count > 0)
        {
            documents.Add(Serialize(new JsonObject
            {
                ["@context"] = Context,
                ["@type"] = "FAQPage",
                ["mainEntity"] = new JsonArray([.. monograph.Faqs.Select(faq => (JsonNode?)new JsonObject
                {
                    ["@type"] = "Question",
                    ["name"] = faq.Question,
                    ["acceptedAnswer"] = new JsonObject { ["@type"] = "Answer", ["text"] = faq.Answer },
                })]),
            }));
        }

        return documents;
    }

    private static string Serialize(JsonObject json) => json.ToJsonString(JsonSerializerOptions.Default);
}
