using Formulary.Clinical.Profiles;
using Formulary.Clinical.Regimens;
using Formulary.Monographs.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Formulary.Monographs.Rules;

/// <summary>Reads one schema-2 regimen (population, basis, amount, frequency, maxima, source) and checks its numbers against its quote.</summary>
internal sealed class DoseRuleReader(RulesYaml yaml)
{
    private readonly QuoteNumberCheck numbers = new(yaml);

    public DoseRule? Read(YamlMappingNode node)
    {
        yaml.Keys(node, "id", "label", "population", "use", "basis", "amount", "per", "dividedDoses", "intervalHours", "timesPerDay",
            "schedule", "days", "duration", "route", "infusionHours", "maxPerDoseMg", "maxPerDayMg", "maxPerDayMgPerKg", "gfrCapMlMin", "source");
        var id = yaml.Text(node, "id", required: true);
        var basisText = yaml.Text(node, "basis", required: true);
        var basis = RegimenBasisNames.Parse(basisText);
        if (basisText is not null && basis is null)
        {
            yaml.Report(DiagnosticCodes.RuleInvalid, RulesYaml.At(node, "basis"), $"'basis' is '{basisText}'; use mg/m2, mg/kg, mg or auc");
        }

        var per = yaml.Text(node, "per", required: false) switch
        {
            null or "dose" => AmountPer.Dose,
            "day" => AmountPer.Day,
            var other => Invalid(node, "per", $"'per' is '{other}'; use dose or day"),
        };
        var source = yaml.Source(node);
        var amount = yaml.Range(node, "amount", true, 0.000001m, 100000m);
        var rule = new DoseRule
        {
            Id = id ?? string.Empty,
            Label = yaml.Text(node, "label", false) ?? id ?? string.Empty,
            Population = Population(node, source),
            Use = yaml.Text(node, "use", false),
            Basis = basis ?? RegimenBasis.Fixed,
            Amount = amount ?? ValueRange.Of(0m),
            Per = per ?? AmountPer.Dose,
            DividedDoses = yaml.Integer(node, "dividedDoses", false, 1, 24),
            IntervalHours = yaml.Range(node, "intervalHours", false, 0.25m, 8760m),
            TimesPerDay = yaml.Integer(node, "timesPerDay", false, 1, 24),
            Schedule = yaml.Text(node, "schedule", false),
            Days = yaml.Integer(node, "days", false, 1, 365),
            Duration = yaml.Text(node, "duration", false),
            Route = yaml.Text(node, "route", false),
            InfusionHours = yaml.Number(node, "infusionHours", false, 0.01m, 168m),
            MaxPerDoseMg = yaml.Number(node, "maxPerDoseMg", false, 0.000001m, 1000000m),
            MaxPerDayMg = yaml.Number(node, "maxPerDayMg", false, 0.000001m, 1000000m),
            MaxPerDayMgPerKg = yaml.Number(node, "maxPerDayMgPerKg", false, 0.000001m, 100000m),
            GfrCapMlMin = yaml.Number(node, "gfrCapMlMin", false, 1m, 1000m),
            Source = source ?? new Citation(string.Empty, string.Empty),
        };
        numbers.Require(node, "amount", rule.Amount, source);
        numbers.Require(node, "dividedDoses", rule.DividedDoses, source);
        numbers.Require(node, "intervalHours", rule.IntervalHours, source);
        numbers.Require(node, "timesPerDay", rule.TimesPerDay, source);
        numbers.Require(node, "days", rule.Days, source);
        numbers.Require(node, "infusionHours", rule.InfusionHours, source);
        numbers.Require(node, "maxPerDoseMg", rule.MaxPerDoseMg, source);
        numbers.Require(node, "maxPerDayMg", rule.MaxPerDayMg, source);
        numbers.Require(node, "maxPerDayMgPerKg", rule.MaxPerDayMgPerKg, source);
        numbers.Require(node, "gfrCapMlMin", rule.GfrCapMlMin, source);
        return id is null || basis is null || amount is null || per is null || source is null ? null : rule;
    }

    /// <summary>The population, its numbers checked against its own <c>source</c> when it has one, else the regimen's.</summary>
    private Population Population(YamlMappingNode regimen, Citation? regimenSource)
    {
        if (yaml.Map(regimen, "population", required: false) is not { } node)
        {
            return Clinical.Regimens.Population.Anyone;
        }

        yaml.Keys(node, "label", "ageMin", "ageBelow", "ageUnit", "weightMinKg", "weightBelowKg", "source");
        var unit = yaml.Text(node, "ageUnit", false) switch
        {
            null or "years" => AgeUnit.Years,
            "months" => AgeUnit.Months,
            "days" => AgeUnit.Days,
            var other => InvalidUnit(node, other),
        };
        var source = yaml.Source(node, "source", required: false) ?? regimenSource;
        var population = new Population
        {
            Label = yaml.Text(node, "label", false),
            AgeMin = yaml.Number(node, "ageMin", false, 0m, 45000m),
            AgeBelow = yaml.Number(node, "ageBelow", false, 0m, 46000m),
            AgeUnit = unit,
            WeightMinKg = yaml.Number(node, "weightMinKg", false, 0m, 650m),
            WeightBelowKg = yaml.Number(node, "weightBelowKg", false, 0m, 651m),
        };
        numbers.Require(node, "ageMin", population.AgeMin is 0m ? null : population.AgeMin, source);
        numbers.Require(node, "ageBelow", population.AgeBelow, source);
        numbers.Require(node, "weightMinKg", population.WeightMinKg is 0m ? null : population.WeightMinKg, source);
        numbers.Require(node, "weightBelowKg", population.WeightBelowKg, source);
        return population;
    }

    private AmountPer? Invalid(YamlMappingNode node, string key, string message)
    {
        yaml.Report(DiagnosticCodes.RuleInvalid, RulesYaml.At(node, key), message);
        return null;
    }

    private AgeUnit InvalidUnit(YamlMappingNode node, string unit)
    {
        yaml.Report(DiagnosticCodes.RuleInvalid, RulesYaml.At(node, "ageUnit"), $"'ageUnit' is '{unit}'; use days, months or years");
        return AgeUnit.Years;
    }
}
