using System.Globalization;
using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Model;
using YamlDotNet.RepresentationModel;

namespace Formulary.Monographs.Parsing.Yaml;

/// <summary>Reads the known front-matter keys of a collection (PRODUCT.md, "The content model") and checks their schema.</summary>
internal sealed class FrontMatterFields(DocumentContext context, YamlPositions positions)
{
    private static readonly string[] Iso8601Formats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mmK", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
        "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
    ];

    private readonly List<MonographLink> links = [];
    private FrontMatter result = FrontMatter.Empty;
    private SourcePosition? descriptionPosition;
    private YamlNode? typeNode;
    private YamlNode? genericSlugNode;
    private YamlNode? combinationSlugNode;

    public FrontMatterResult Read(YamlMappingNode mapping)
    {
        YamlNode? titleNode = null;
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (!ReadField(key, value))
            {
                context.Report(DiagnosticCodes.UnknownFrontMatterKey, positions.Of(keyNode.Start),
                    $"'{key}' is not a {context.Collection.FolderName()} front-matter key; it is ignored");
            }

            titleNode = key == "title" ? value : titleNode;
        }

        if (string.IsNullOrWhiteSpace(result.Title))
        {
            var at = titleNode is null ? positions.Of(mapping.Start) : positions.Of(titleNode.Start);
            context.Report(DiagnosticCodes.TitleMissing, at, "the front matter needs a 'title' (the name shown for the document)");
        }

        if (context.Collection == Collection.Medicine)
        {
            CheckMedicineLinks(mapping);
        }

        return new FrontMatterResult(result, links, descriptionPosition);
    }

    private bool ReadField(string key, YamlNode value)
    {
        var collection = context.Collection;
        switch (key)
        {
            case "title": result = result with { Title = Text(key, value) }; return true;
            case "description":
                result = result with { Description = Text(key, value) };
                descriptionPosition = positions.Of(value.Start);
                return true;
            case "is_banned": result = result with { IsBanned = Boolean(value) }; return true;
            case "lastModified": result = result with { LastModified = Date(value) }; return true;
            case "faqs": result = result with { Faqs = FaqListReader.Read(context, positions, value) }; return true;
            case "ingredients" when collection == Collection.Combination: result = result with { Ingredients = Ingredients(value) }; return true;
            case "type" when collection == Collection.Medicine: typeNode = value; return true;
            case "generic_slug" when collection == Collection.Medicine:
                genericSlugNode = value;
                result = result with { GenericSlug = LinkSlug(Text(key, value)) };
                return true;
            case "combination_slug" when collection == Collection.Medicine:
                combinationSlugNode = value;
                result = result with { CombinationSlug = LinkSlug(Text(key, value)) };
                return true;
            case "company" when collection == Collection.Medicine: result = result with { Company = Text(key, value) }; return true;
            case "strength" when collection == Collection.Medicine: result = result with { Strength = Text(key, value) }; return true;
            case "pack_size" when collection == Collection.Medicine: result = result with { PackSize = Text(key, value) }; return true;
            case "mrp" when collection == Collection.Medicine: result = result with { Mrp = Mrp(value) }; return true;
            default: return false;
        }
    }

    private void CheckMedicineLinks(YamlMappingNode mapping)
    {
        var typeText = typeNode is null ? null : Text("type", typeNode);
        var type = MedicineType.Single;
        if (typeText is not null && !Enum.TryParse(typeText.Trim(), ignoreCase: true, out type))
        {
            context.Report(DiagnosticCodes.MedicineTypeInvalid, positions.Of(typeNode!.Start),
                $"'type' is '{typeText}'; it must be 'single' or 'combination'");
            type = MedicineType.Single;
        }

        result = result with { MedicineType = type };
        var (wanted, wantedNode, other, otherNode) = type == MedicineType.Single
            ? (result.GenericSlug, genericSlugNode, result.CombinationSlug, combinationSlugNode)
            : (result.CombinationSlug, combinationSlugNode, result.GenericSlug, genericSlugNode);
        var at = positions.Of((typeNode ?? mapping).Start);
        if (string.IsNullOrWhiteSpace(wanted))
        {
            var (descriptor, field) = type == MedicineType.Single
                ? (DiagnosticCodes.GenericSlugMissing, "generic_slug")
                : (DiagnosticCodes.CombinationSlugMissing, "combination_slug");
            context.Report(descriptor, wantedNode is null ? at : positions.Of(wantedNode.Start),
                $"a {type.ToString().ToLowerInvariant()} medicine needs '{field}' naming the document it is a brand of");
        }
        else
        {
            var target = type == MedicineType.Single ? Collection.Composition : Collection.Combination;
            var position = positions.Of(wantedNode!.Start);
            links.Add(new MonographLink(target, wanted, type == MedicineType.Single ? "generic_slug" : "combination_slug", position.Line, position.Column));
        }

        if (!string.IsNullOrWhiteSpace(other))
        {
            context.Report(DiagnosticCodes.MedicineLinkMismatch, positions.Of(otherNode!.Start),
                $"a {type.ToString().ToLowerInvariant()} medicine does not use this link; it is ignored");
            result = type == MedicineType.Single ? result with { CombinationSlug = null } : result with { GenericSlug = null };
        }
    }

    private string? Text(string key, YamlNode node)
    {
        if (node is YamlScalarNode scalar)
        {
            return ScalarText(scalar);
        }

        context.Report(DiagnosticCodes.FieldWrongShape, positions.Of(node.Start), $"'{key}' must be text, not a list or mapping");
        return null;
    }

    internal static string? ScalarText(YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" ? null : scalar.Value;

    private bool Boolean(YamlNode node)
    {
        if (node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: { } plain }
            && bool.TryParse(plain, out var value))
        {
            return value;
        }

        var shown = (node as YamlScalarNode)?.Value ?? "a list or mapping";
        context.Report(DiagnosticCodes.IsBannedNotBoolean, positions.Of(node.Start),
            $"'is_banned' is '{shown}'; write true or false without quotes (read as false)");
        return false;
    }

    private DateTimeOffset? Date(YamlNode node)
    {
        var text = node is YamlScalarNode scalar ? ScalarText(scalar) : null;
        if (text is not null && DateTimeOffset.TryParseExact(text.Trim(), Iso8601Formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            return date;
        }

        context.Report(DiagnosticCodes.LastModifiedNotIso8601, positions.Of(node.Start),
            $"'lastModified' is '{text}'; write an ISO-8601 date such as 2025-09-22 or 2025-09-22T17:21:52Z");
        return null;
    }

    private decimal? Mrp(YamlNode node)
    {
        var text = node is YamlScalarNode scalar ? ScalarText(scalar) : null;
        if (text is not null && decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var mrp))
        {
            return mrp;
        }

        context.Report(DiagnosticCodes.MrpNotNumber, positions.Of(node.Start),
            $"'mrp' is '{text}'; write the price as a plain non-negative number such as 245.50 (no currency sign)");
        return null;
    }

    private List<Ingredient> Ingredients(YamlNode node)
    {
        var ingredients = new List<Ingredient>();
        if (node is not YamlSequenceNode sequence)
        {
            context.Report(DiagnosticCodes.FieldWrongShape, positions.Of(node.Start), "'ingredients' must be a list of {generic_slug, strength}");
            return ingredients;
        }

        foreach (var item in sequence.Children)
        {
            var map = item as YamlMappingNode;
            var slugNode = map?.Children.FirstOrDefault(pair => pair.Key is YamlScalarNode { Value: "generic_slug" }).Value;
            var slug = slugNode is YamlScalarNode slugScalar ? ScalarText(slugScalar) : null;
            if (slugNode is null || string.IsNullOrWhiteSpace(slug))
            {
                context.Report(DiagnosticCodes.FieldWrongShape, positions.Of(item.Start), "an ingredient needs a 'generic_slug'");
                continue;
            }

            var strengthNode = map!.Children.FirstOrDefault(pair => pair.Key is YamlScalarNode { Value: "strength" }).Value;
            var strength = strengthNode is YamlScalarNode strengthScalar ? ScalarText(strengthScalar) : null;
            ingredients.Add(new Ingredient(LinkSlug(slug)!, strength));
            var position = positions.Of(slugNode.Start);
            links.Add(new MonographLink(Collection.Composition, LinkSlug(slug)!, "ingredients", position.Line, position.Column));
        }

        return ingredients;
    }

    /// <summary>A slug named in the front matter, read with the same rule as file names so links resolve.</summary>
    private static string? LinkSlug(string? text) => string.IsNullOrWhiteSpace(text) ? text : SlugRule.Normalize(text.Trim());
}
