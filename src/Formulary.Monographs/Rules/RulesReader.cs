using Formulary.Clinical.Interactions;
using Formulary.Clinical.Profiles;
using Formulary.Clinical.Quantities;
using Formulary.Clinical.Regimens;
using Formulary.Monographs.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Formulary.Monographs.Rules;

/// <summary>Maps the rules file's YAML tree to a <see cref="DrugProfile"/> (schema in docs/decisions/0002-clinical-engine.md).</summary>
internal sealed class RulesReader(RulesYaml yaml)
{
    public DrugProfile? Read(YamlMappingNode root, string slug)
    {
        var schema = yaml.Integer(root, "schema", required: true, 1, 2);
        return schema switch
        {
            1 => ReadSchemaOne(root, slug),
            2 => new SchemaTwoReader(yaml, this).Read(root, slug),
            _ => null,
        };
    }

    /// <summary>Reads and checks <c>drug</c>: it must be the file's slug.</summary>
    public string? Drug(YamlMappingNode root, string slug)
    {
        var drug = yaml.Text(root, "drug", required: true);
        if (drug is not null && !string.Equals(drug, slug, StringComparison.Ordinal))
        {
            yaml.Report(DiagnosticCodes.RuleInvalid, root.Children[new YamlScalarNode("drug")].Start, $"'drug' is '{drug}' but the file belongs to '{slug}'");
        }

        return drug;
    }

    /// <summary>The sections both schemas share: age limit, stop criteria, contraindications, interactions, contraception, monitoring.</summary>
    public DrugProfile WithSharedSections(YamlMappingNode root, DrugProfile profile) => profile with
    {
        AgeNotEstablished = AgeNotEstablished(root),
        RxNorm = RxNorm(root),
        StopCriteria = [.. yaml.Items(root, "stopCriteria").Select(CitedItem).OfType<CitedText>()],
        Contraindications = [.. yaml.Items(root, "contraindications").Select(Contraindication).OfType<Contraindication>()],
        Interactions = [.. yaml.Items(root, "interactions").Select(Interaction).OfType<InteractionRule>()],
        Contraception = [.. yaml.Items(root, "contraception").Select(Contraception).OfType<ContraceptionRule>()],
        Monitoring = [.. yaml.Items(root, "monitoring").Select(CitedItem).OfType<CitedText>()],
    };

    /// <summary>Severe impairment by SCr × ULN and the caution text (the part of <c>renal</c> both schemas share).</summary>
    public RenalRules SevereRenal(YamlMappingNode node) => new()
    {
        SevereScrTimesUln = yaml.Number(node, "severeScrTimesUln", false, 1m, 100m),
        SevereSource = yaml.Source(node, "severeSource", required: node.Children.ContainsKey(new YamlScalarNode("severeScrTimesUln"))),
        Bands = [],
        Caution = Cited(node, "caution"),
    };

    private DrugProfile? ReadSchemaOne(YamlMappingNode root, string slug)
    {
        yaml.Keys(root, "schema", "drug", "name", "rxnorm", "review", "regimens", "ageNotEstablished", "smallPatientInfusion", "renal", "hepatic",
            "toxicity", "stopCriteria", "contraindications", "interactions", "contraception", "monitoring");
        Drug(root, slug);
        var regimens = yaml.Items(root, "regimens").Select(new RegimenReader(yaml).Read).OfType<Regimen>().ToList();
        if (regimens.Count == 0)
        {
            yaml.Report(DiagnosticCodes.RuleInvalid, root.Start, "'regimens' must list at least one regimen");
        }

        return WithSharedSections(root, new DrugProfile
        {
            Slug = slug,
            Name = yaml.Text(root, "name", required: true) ?? slug,
            Regimens = regimens,
            SmallPatientInfusion = SmallPatient(root),
            Renal = Renal(root),
            Hepatic = Hepatic(root),
            Toxicity = Toxicity(root),
            Review = ReviewReader.Read(yaml, root, required: false) ?? RuleReview.HandWritten,
        });
    }

    /// <summary>
    /// The RxNorm concept ids (RxCUI, digits only) that name this drug, for matching orders by code (CDS Hooks);
    /// optional, a list of scalars. An id that is not digits is RULE004: a wrong code would match the wrong drug.
    /// </summary>
    private IReadOnlyList<string> RxNorm(YamlMappingNode root)
    {
        if (yaml.Node(root, "rxnorm", required: false) is not { } node)
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            yaml.Report(DiagnosticCodes.RuleInvalid, node.Start, "'rxnorm' must be a list of RxNorm concept ids (RxCUI), e.g. [\"12345\"]");
            return [];
        }

        var codes = new List<string>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 and <= 12 } code } && code.All(char.IsAsciiDigit))
            {
                codes.Add(code);
            }
            else
            {
                yaml.Report(DiagnosticCodes.RuleInvalid, item.Start, "each 'rxnorm' entry must be an RxNorm concept id: 1 to 12 digits");
            }
        }

        return codes;
    }

    private AgeLimit? AgeNotEstablished(YamlMappingNode root)
    {
        if (yaml.Map(root, "ageNotEstablished", required: false) is not { } node)
        {
            return null;
        }

        yaml.Keys(node, "belowYears", "source");
        var below = yaml.Number(node, "belowYears", true, 0m, 125m);
        var source = yaml.Source(node);
        return below is null || source is null ? null : new AgeLimit(below.Value, source);
    }

    private HepaticRules? Hepatic(YamlMappingNode root)
    {
        if (yaml.Map(root, "hepatic", required: false) is not { } node)
        {
            return null;
        }

        yaml.Keys(node, "caution");
        return new HepaticRules(Cited(node, "caution"));
    }

    private ToxicityReduction? Toxicity(YamlMappingNode root)
    {
        if (yaml.Map(root, "toxicity", required: false) is not { } node)
        {
            return null;
        }

        yaml.Keys(node, "factor", "source");
        var factor = yaml.Number(node, "factor", true, 0m, 1m);
        var source = yaml.Source(node);
        return factor is null || source is null ? null : new ToxicityReduction(factor.Value, source);
    }

    private SmallPatientInfusion? SmallPatient(YamlMappingNode root)
    {
        if (yaml.Map(root, "smallPatientInfusion", required: false) is not { } node)
        {
            return null;
        }

        yaml.Keys(node, "weightBelowKg", "advice", "source");
        var weight = yaml.Number(node, "weightBelowKg", true, 0.1m, 650m);
        var advice = yaml.Text(node, "advice", true);
        var source = yaml.Source(node);
        return weight is null || advice is null || source is null ? null : new SmallPatientInfusion(weight.Value, advice, source);
    }

    private RenalRules? Renal(YamlMappingNode root)
    {
        if (yaml.Map(root, "renal", required: false) is not { } node)
        {
            return null;
        }

        yaml.Keys(node, "severeScrTimesUln", "severeSource", "bands", "caution");
        var bands = yaml.Items(node, "bands").Select(band =>
        {
            yaml.Keys(band, "code", "minMlMin", "maxMlMin", "factor", "source");
            var code = yaml.Text(band, "code", true);
            var min = yaml.Number(band, "minMlMin", true, 0m, 1000m);
            var max = yaml.Number(band, "maxMlMin", true, 0m, 1000m);
            var factor = yaml.Number(band, "factor", true, 0m, 1m);
            var source = yaml.Source(band);
            return code is null || min is null || max is null || factor is null || source is null ? null : new RenalBand(code, min.Value, max.Value, factor.Value, source);
        }).OfType<RenalBand>().ToList();
        return SevereRenal(node) with { Bands = bands };
    }

    private CitedText? Cited(YamlMappingNode parent, string key) =>
        yaml.Map(parent, key, required: false) is { } node ? CitedItem(node) : null;

    private CitedText? CitedItem(YamlMappingNode node)
    {
        yaml.Keys(node, "code", "text", "source");
        var code = yaml.Text(node, "code", true);
        var text = yaml.Text(node, "text", true);
        var source = yaml.Source(node);
        return code is null || text is null || source is null ? null : new CitedText(code, text, source);
    }

    private Contraindication? Contraindication(YamlMappingNode node)
    {
        yaml.Keys(node, "condition", "note", "source");
        var name = yaml.Text(node, "condition", true);
        ContraindicationCondition? condition = name switch
        {
            "hypersensitivity" => ContraindicationCondition.Hypersensitivity,
            "pregnancy" => ContraindicationCondition.Pregnancy,
            "breastfeeding" => ContraindicationCondition.Breastfeeding,
            "severe-renal-impairment" => ContraindicationCondition.SevereRenalImpairment,
            "severe-hepatic-impairment" => ContraindicationCondition.SevereHepaticImpairment,
            _ => null,
        };
        if (name is not null && condition is null)
        {
            yaml.Report(DiagnosticCodes.RuleInvalid, node.Children[new YamlScalarNode("condition")].Start,
                $"'{name}' is not a condition the engine can test (hypersensitivity, pregnancy, breastfeeding, severe-renal-impairment, severe-hepatic-impairment)");
        }

        var source = yaml.Source(node);
        return condition is null || source is null ? null : new Contraindication(condition.Value, source, yaml.Text(node, "note", false));
    }

    private InteractionRule? Interaction(YamlMappingNode node)
    {
        yaml.Keys(node, "class", "source");
        var name = yaml.Text(node, "class", true);
        if (name is not null && InteractionClassCatalog.Find(name) is null)
        {
            yaml.Report(DiagnosticCodes.RuleUnknownInteractionClass, node.Children[new YamlScalarNode("class")].Start,
                $"'{name}' is not a class of the interaction catalog ({string.Join(", ", InteractionClassCatalog.Classes.Select(c => c.Name))})");
            return null;
        }

        var source = yaml.Source(node);
        return name is null || source is null ? null : new InteractionRule(name, source);
    }

    private ContraceptionRule? Contraception(YamlMappingNode node)
    {
        yaml.Keys(node, "sex", "monthsAfterLastDose", "source");
        var sex = yaml.Text(node, "sex", true) switch
        {
            "female" => Sex.Female,
            "male" => Sex.Male,
            null => (Sex?)null,
            var other => Invalid(node, $"'sex' is '{other}'; use female or male"),
        };
        var months = yaml.Integer(node, "monthsAfterLastDose", true, 0, 120);
        var source = yaml.Source(node);
        return sex is null || months is null || source is null ? null : new ContraceptionRule(sex.Value, months.Value, source);
    }

    private Sex? Invalid(YamlMappingNode node, string message)
    {
        yaml.Report(DiagnosticCodes.RuleInvalid, node.Start, message);
        return null;
    }
}
