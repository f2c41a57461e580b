using Formulary.Clinical.Quantities;
using Formulary.Clinical.Regimens;
using Formulary.Monographs.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Formulary.Monographs.Rules;

/// <summary>Reads schema-2 renal bands, hepatic levels and toxicity adjustments: each an action, its value and its source.</summary>
internal sealed class AdjustmentReader(RulesYaml yaml)
{
    private static readonly string[] AdjustmentKeys = ["action", "value", "intervalHours", "source"];
    private readonly QuoteNumberCheck numbers = new(yaml);

    public RenalDoseBand? RenalBand(YamlMappingNode node)
    {
        yaml.Keys(node, [.. AdjustmentKeys, "measure", "min", "minInclusive", "max", "maxInclusive"]);
        RenalMeasure? measure = yaml.Text(node, "measure", true) switch
        {
            "crcl" => RenalMeasure.CreatinineClearance,
            "egfr" => RenalMeasure.Egfr,
            null => null,
            var other => Report<RenalMeasure>(node, "measure", $"'measure' is '{other}'; use crcl or egfr"),
        };
        var min = yaml.Number(node, "min", false, 0m, 1000m);
        var max = yaml.Number(node, "max", false, 0m, 1000m);
        var adjustment = Adjustment(node);
        if (min is null && max is null)
        {
            yaml.Report(DiagnosticCodes.RuleInvalid, node.Start, "a renal band needs 'min', 'max' or both");
            return null;
        }

        if (min > max)
        {
            yaml.Report(DiagnosticCodes.RuleInvalid, node.Start, "'min' is greater than 'max'");
            return null;
        }

        numbers.Require(node, "min", min, adjustment?.Source);
        numbers.Require(node, "max", max, adjustment?.Source);
        var minInclusive = yaml.Boolean(node, "minInclusive", false) ?? true;
        var maxInclusive = yaml.Boolean(node, "maxInclusive", false) ?? true;
        return measure is null || adjustment is null ? null : new RenalDoseBand(measure.Value, min, minInclusive, max, maxInclusive, adjustment);
    }

    public HepaticDoseLevel? HepaticLevel(YamlMappingNode node)
    {
        yaml.Keys(node, [.. AdjustmentKeys, "level"]);
        HepaticImpairment? level = yaml.Text(node, "level", true) switch
        {
            "mild" => HepaticImpairment.Mild,
            "moderate" => HepaticImpairment.Moderate,
            "severe" => HepaticImpairment.Severe,
            null => null,
            var other => Report<HepaticImpairment>(node, "level", $"'level' is '{other}'; use mild, moderate or severe"),
        };
        var adjustment = Adjustment(node);
        return level is null || adjustment is null ? null : new HepaticDoseLevel(level.Value, adjustment);
    }

    public ToxicityDoseAdjustment? Toxicity(YamlMappingNode node)
    {
        yaml.Keys(node, [.. AdjustmentKeys, "condition"]);
        var condition = yaml.Text(node, "condition", true);
        var adjustment = Adjustment(node);
        return condition is null || adjustment is null ? null : new ToxicityDoseAdjustment(condition, adjustment);
    }

    private DoseAdjustment? Adjustment(YamlMappingNode node)
    {
        var actionText = yaml.Text(node, "action", true);
        var action = AdjustmentActionNames.Parse(actionText);
        if (actionText is not null && action is null)
        {
            yaml.Report(DiagnosticCodes.RuleInvalid, RulesYaml.At(node, "action"),
                $"'action' is '{actionText}'; use {string.Join(", ", Enum.GetValues<AdjustmentAction>().Select(AdjustmentActionNames.Wire))}");
        }

        var needsValue = action is { } a && AdjustmentActionNames.NeedsValue(a);
        var value = yaml.Range(node, "value", needsValue, 0.000001m, 100000m);
        if (action is AdjustmentAction.PercentOfDose or AdjustmentAction.ReduceByPercent && value is { Max: > 100m })
        {
            yaml.Report(DiagnosticCodes.RuleInvalid, RulesYaml.At(node, "value"), "a percentage must be at most 100");
            return null;
        }

        var interval = yaml.Range(node, "intervalHours", false, 0.25m, 8760m);
        var source = yaml.Source(node);
        numbers.Require(node, "value", value, source);
        numbers.Require(node, "intervalHours", interval, source);
        if (action is null || source is null || (needsValue && value is null))
        {
            return null;
        }

        return new DoseAdjustment(action.Value, needsValue ? value : null, source) { IntervalHours = interval };
    }

    private T? Report<T>(YamlMappingNode node, string key, string message)
        where T : struct
    {
        yaml.Report(DiagnosticCodes.RuleInvalid, RulesYaml.At(node, key), message);
        return null;
    }
}
