using Formulary.Clinical.Profiles;
using Formulary.Monographs.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Formulary.Monographs.Rules;

/// <summary>Reads one entry of <c>regimens:</c> with its age band, amount, schedule and cycle.</summary>
internal sealed class RegimenReader(RulesYaml yaml)
{
    public Regimen? Read(YamlMappingNode node)
    {
        yaml.Keys(node, "id", "label", "indication", "indicationSource", "ages", "approved", "amountMg", "per", "route",
            "infusionHours", "infusionSource", "days", "maxDailyMg", "source", "cycle");
        var ages = yaml.Map(node, "ages", required: true);
        if (ages is not null)
        {
            yaml.Keys(ages, "minYears", "belowYears");
        }

        var per = yaml.Text(node, "per", required: true);
        var basis = per switch
        {
            "m2" => DoseBasis.PerSquareMetre,
            "kg" => DoseBasis.PerKilogram,
            _ => (DoseBasis?)null,
        };
        if (per is not null && basis is null)
        {
            yaml.Report(DiagnosticCodes.RuleInvalid, node.Children[new YamlScalarNode("per")].Start, "'per' must be m2 or kg");
        }

        var id = yaml.Text(node, "id", required: true);
        var amount = yaml.Number(node, "amountMg", true, 0.001m, 100000m);
        var approved = yaml.Boolean(node, "approved", required: true);
        var route = yaml.Text(node, "route", required: true);
        var source = yaml.Source(node);
        var regimen = new Regimen
        {
            Id = id ?? string.Empty,
            Label = yaml.Text(node, "label", required: false) ?? id ?? string.Empty,
            Indication = yaml.Text(node, "indication", required: false),
            IndicationSource = yaml.Source(node, "indicationSource", required: false),
            Ages = new AgeBand(
                ages is null ? null : yaml.Number(ages, "minYears", false, 0m, 125m),
                ages is null ? null : yaml.Number(ages, "belowYears", false, 0m, 126m)),
            Approved = approved ?? false,
            AmountMg = amount ?? 0m,
            Basis = basis ?? DoseBasis.PerSquareMetre,
            Route = route ?? string.Empty,
            InfusionHours = yaml.Number(node, "infusionHours", false, 0.01m, 168m),
            InfusionSource = yaml.Source(node, "infusionSource", required: false),
            Days = yaml.Integer(node, "days", false, 1, 365),
            MaxDailyMg = yaml.Number(node, "maxDailyMg", false, 0.001m, 100000m),
            Source = source ?? new Citation(string.Empty, string.Empty),
            Cycle = yaml.Map(node, "cycle", required: false) is { } cycle ? Cycle(cycle) : null,
        };
        return id is null || amount is null || approved is null || route is null || basis is null || source is null || ages is null ? null : regimen;
    }

    private CycleRule? Cycle(YamlMappingNode node)
    {
        yaml.Keys(node, "minWeeks", "maxWeeks", "source", "criteria");
        var min = yaml.Integer(node, "minWeeks", true, 1, 104);
        var max = yaml.Integer(node, "maxWeeks", true, 1, 104);
        var source = yaml.Source(node);
        var criteria = yaml.Items(node, "criteria").Select(item =>
        {
            yaml.Keys(item, "code", "text", "ancAtLeast", "source");
            var code = yaml.Text(item, "code", true);
            var text = yaml.Text(item, "text", true);
            var anc = yaml.Number(item, "ancAtLeast", false, 0m, 500m);
            var criterionSource = yaml.Source(item);
            return code is null || text is null || criterionSource is null ? null : new CycleCriterion(code, text, anc, criterionSource);
        }).OfType<CycleCriterion>().ToList();
        if (min is { } a && max is { } b && a > b)
        {
            yaml.Report(DiagnosticCodes.RuleInvalid, node.Start, "'minWeeks' is greater than 'maxWeeks'");
            return null;
        }

        return min is null || max is null || source is null ? null : new CycleRule(min.Value, max.Value, criteria, source);
    }
}
