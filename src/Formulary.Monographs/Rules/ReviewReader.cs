using System.Globalization;
using Formulary.Clinical.Regimens;
using Formulary.Monographs.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Formulary.Monographs.Rules;

/// <summary>
/// Reads <c>review: { status: draft|reviewed, by, date }</c>. A reviewed file names its reviewer and
/// the date (YYYY-MM-DD); a draft may leave both out.
/// </summary>
internal static class ReviewReader
{
    public static RuleReview? Read(RulesYaml yaml, YamlMappingNode root, bool required)
    {
        if (yaml.Map(root, "review", required) is not { } node)
        {
            return null;
        }

        yaml.Keys(node, "status", "by", "date");
        var status = yaml.Text(node, "status", true) switch
        {
            "draft" => ReviewStatus.Draft,
            "reviewed" => ReviewStatus.Reviewed,
            null => (ReviewStatus?)null,
            var other => Invalid(yaml, node, $"'status' is '{other}'; use draft or reviewed"),
        };
        var reviewed = status == ReviewStatus.Reviewed;
        var by = yaml.Text(node, "by", reviewed);
        var dateText = yaml.Text(node, "date", reviewed);
        DateOnly? date = null;
        if (dateText is not null)
        {
            if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                date = parsed;
            }
            else
            {
                yaml.Report(DiagnosticCodes.RuleInvalid, RulesYaml.At(node, "date"), $"'date' is '{dateText}'; write it as YYYY-MM-DD");
            }
        }

        if (status is null || (reviewed && (by is null || date is null)))
        {
            return null;
        }

        return new RuleReview(status.Value, by, date);
    }

    private static ReviewStatus? Invalid(RulesYaml yaml, YamlMappingNode node, string message)
    {
        yaml.Report(DiagnosticCodes.RuleInvalid, RulesYaml.At(node, "status"), message);
        return null;
    }
}
