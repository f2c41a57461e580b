using System.Globalization;
using System.Text;
using Formulary.Clinical.Profiles;
using Formulary.Clinical.Regimens;

namespace Formulary.Monographs.Rules.Drafting;

/// <summary>
/// Writes a draft as a schema-2 <c>{slug}.rules.yaml</c> with <c>review: { status: draft }</c>. Every
/// string is double-quoted (a quote may hold ':' or '#'); numbers use the invariant culture without
/// trailing zeros. The same draft gives the same bytes.
/// </summary>
public static class DraftYamlWriter
{
    public static string Write(RulesDraft draft, string monographFileName)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var yaml = new StringBuilder();
        yaml.Append("# Drafted by `formulary rules draft` from ").Append(monographFileName).Append(": machine-read, NOT reviewed.\n");
        yaml.Append("# The calculator ignores these rules until an editor has checked every rule against its quote,\n");
        yaml.Append("# added what the prose states but the reader missed (see unread:), and set\n");
        yaml.Append("# review: { status: reviewed, by: NAME, date: YYYY-MM-DD }. Schema: docs/decisions/0010-dose-rules.md.\n");
        yaml.Append("schema: 2\n");
        yaml.Append("drug: ").Append(Quote(draft.Slug)).Append('\n');
        yaml.Append("name: ").Append(Quote(draft.Name)).Append('\n');
        yaml.Append("review: { status: draft }\n\n");
        yaml.Append(draft.Regimens.Count == 0 ? "regimens: []\n" : "regimens:\n");
        foreach (var regimen in draft.Regimens)
        {
            Regimen(yaml, regimen);
        }

        if (draft.Renal.Count > 0)
        {
            yaml.Append("\nrenal:\n  bands:\n");
            foreach (var band in draft.Renal)
            {
                Band(yaml, band);
            }
        }

        if (draft.Unread.Count > 0)
        {
            yaml.Append("\n# Sentences with dose numbers the reader could not turn into a rule.\nunread:\n");
            foreach (var citation in draft.Unread)
            {
                yaml.Append("  - section: ").Append(Quote(citation.Section)).Append('\n');
                yaml.Append("    quote: ").Append(Quote(citation.Quote)).Append('\n');
            }
        }

        return yaml.ToString();
    }

    private static void Regimen(StringBuilder yaml, DraftRegimen draft)
    {
        var rule = draft.Rule;
        yaml.Append("  - id: ").Append(Quote(rule.Id)).Append('\n');
        yaml.Append("    label: ").Append(Quote(rule.Label)).Append('\n');
        var population = rule.Population;
        if (population != Population.Anyone)
        {
            if (population.AgeMin is null && population.AgeBelow is null && population.WeightMinKg is null && population.WeightBelowKg is null)
            {
                yaml.Append("    # the population states no age or weight band: add one, with a quote that states it, before review\n");
            }

            yaml.Append("    population:\n");
            Field(yaml, "      ", "label", population.Label);
            Field(yaml, "      ", "ageMin", population.AgeMin);
            Field(yaml, "      ", "ageBelow", population.AgeBelow);
            if (population.AgeMin is not null || population.AgeBelow is not null)
            {
                yaml.Append("      ageUnit: ").Append(population.AgeUnit.ToString().ToLowerInvariant()).Append('\n');
            }

            Field(yaml, "      ", "weightMinKg", population.WeightMinKg);
            Field(yaml, "      ", "weightBelowKg", population.WeightBelowKg);
            if (draft.PopulationSource is { } source)
            {
                Source(yaml, "      ", source);
            }
        }

        Field(yaml, "    ", "use", rule.Use);
        yaml.Append("    basis: ").Append(RegimenBasisNames.Wire(rule.Basis)).Append('\n');
        Range(yaml, "    ", "amount", rule.Amount);
        yaml.Append("    per: ").Append(rule.Per == AmountPer.Day ? "day" : "dose").Append('\n');
        Field(yaml, "    ", "dividedDoses", rule.DividedDoses);
        Range(yaml, "    ", "intervalHours", rule.IntervalHours);
        Field(yaml, "    ", "timesPerDay", rule.TimesPerDay);
        Field(yaml, "    ", "schedule", rule.Schedule);
        Field(yaml, "    ", "days", rule.Days);
        Field(yaml, "    ", "duration", rule.Duration);
        Field(yaml, "    ", "route", rule.Route);
        Field(yaml, "    ", "infusionHours", rule.InfusionHours);
        Field(yaml, "    ", "maxPerDoseMg", rule.MaxPerDoseMg);
        Field(yaml, "    ", "maxPerDayMg", rule.MaxPerDayMg);
        Field(yaml, "    ", "maxPerDayMgPerKg", rule.MaxPerDayMgPerKg);
        Source(yaml, "    ", rule.Source);
    }

    private static void Band(StringBuilder yaml, RenalDoseBand band)
    {
        yaml.Append("    - measure: ").Append(band.Measure == RenalMeasure.Egfr ? "egfr" : "crcl").Append('\n');
        Field(yaml, "      ", "min", band.Min);
        if (band.Min is not null)
        {
            yaml.Append("      minInclusive: ").Append(band.MinInclusive ? "true" : "false").Append('\n');
        }

        Field(yaml, "      ", "max", band.Max);
        if (band.Max is not null)
        {
            yaml.Append("      maxInclusive: ").Append(band.MaxInclusive ? "true" : "false").Append('\n');
        }

        yaml.Append("      action: ").Append(AdjustmentActionNames.Wire(band.Adjustment.Action)).Append('\n');
        Range(yaml, "      ", "value", band.Adjustment.Value);
        Range(yaml, "      ", "intervalHours", band.Adjustment.IntervalHours);
        Source(yaml, "      ", band.Adjustment.Source);
    }

    private static void Source(StringBuilder yaml, string indent, Citation source)
    {
        yaml.Append(indent).Append("source:\n");
        yaml.Append(indent).Append("  section: ").Append(Quote(source.Section)).Append('\n');
        yaml.Append(indent).Append("  quote: ").Append(Quote(source.Quote)).Append('\n');
    }

    private static void Range(StringBuilder yaml, string indent, string key, ValueRange? range)
    {
        if (range is null)
        {
            return;
        }

        yaml.Append(indent).Append(key).Append(": ");
        yaml.Append(range.Min == range.Max ? Number(range.Min) : $"{{ min: {Number(range.Min)}, max: {Number(range.Max)} }}").Append('\n');
    }

    private static void Field(StringBuilder yaml, string indent, string key, decimal? value)
    {
        if (value is { } number)
        {
            yaml.Append(indent).Append(key).Append(": ").Append(Number(number)).Append('\n');
        }
    }

    private static void Field(StringBuilder yaml, string indent, string key, string? value)
    {
        if (value is not null)
        {
            yaml.Append(indent).Append(key).Append(": ").Append(Quote(value)).Append('\n');
        }
    }

    public static string Number(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>A YAML double-quoted scalar: backslash, double quote and control characters escaped.</summary>
    private static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                < ' ' => quoted.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }
}
