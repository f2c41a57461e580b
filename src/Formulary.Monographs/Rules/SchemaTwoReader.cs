using Formulary.Clinical.Profiles;
using Formulary.Clinical.Regimens;
using Formulary.Monographs.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Formulary.Monographs.Rules;

/// <summary>
/// Schema 2: the general rule format (docs/decisions/0006-dose-rules.md). A required <c>review</c>
/// block; <c>regimens</c> in the general shape; <c>renal</c> with general bands (plus schema 1's severe
/// and caution parts); <c>hepatic</c> and <c>toxicity</c> as lists; <c>unread</c> quotes left for an
/// editor; the sections schema 1 shares (contraindications, interactions, monitoring...).
/// </summary>
internal sealed class SchemaTwoReader(RulesYaml yaml, RulesReader shared)
{
    public DrugProfile? Read(YamlMappingNode root, string slug)
    {
        yaml.Keys(root, "schema", "drug", "name", "rxnorm", "review", "regimens", "renal", "hepatic", "toxicity", "unread",
            "ageNotEstablished", "stopCriteria", "contraindications", "interactions", "contraception", "monitoring");
        shared.Drug(root, slug);
        var review = ReviewReader.Read(yaml, root, required: true);
        var adjustments = new AdjustmentReader(yaml);
        var regimens = yaml.Items(root, "regimens").Select(new DoseRuleReader(yaml).Read).OfType<DoseRule>().ToList();
        var ids = regimens.GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        foreach (var id in ids)
        {
            yaml.Report(DiagnosticCodes.RuleInvalid, root.Start, $"two regimens have the id '{id}'");
        }

        if (review?.IsReviewed == true && regimens.Count == 0)
        {
            yaml.Report(DiagnosticCodes.RuleInvalid, RulesYaml.At(root, "review"), "reviewed rules must list at least one regimen");
        }

        RenalRules? renal = null;
        IReadOnlyList<RenalDoseBand> bands = [];
        if (yaml.Map(root, "renal", required: false) is { } renalNode)
        {
            yaml.Keys(renalNode, "bands", "severeScrTimesUln", "severeSource", "caution");
            renal = shared.SevereRenal(renalNode);
            bands = [.. yaml.Items(renalNode, "bands").Select(adjustments.RenalBand).OfType<RenalDoseBand>()];
        }

        var dosing = new DosingRules
        {
            Regimens = regimens,
            Renal = bands,
            Hepatic = [.. yaml.Items(root, "hepatic").Select(adjustments.HepaticLevel).OfType<HepaticDoseLevel>()],
            Toxicity = [.. yaml.Items(root, "toxicity").Select(adjustments.Toxicity).OfType<ToxicityDoseAdjustment>()],
            Unread = [.. yaml.Items(root, "unread").Select(yaml.Cite).OfType<Citation>()],
        };
        if (review is null)
        {
            return null;
        }

        return shared.WithSharedSections(root, new DrugProfile
        {
            Slug = slug,
            Name = yaml.Text(root, "name", required: true) ?? slug,
            Regimens = [],
            Renal = renal,
            Dosing = dosing,
            Review = review,
        });
    }
}
