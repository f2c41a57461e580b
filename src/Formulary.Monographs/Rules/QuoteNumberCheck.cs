using Formulary.Clinical.Profiles;
using Formulary.Clinical.Regimens;
using Formulary.Monographs.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Formulary.Monographs.Rules;

/// <summary>RULE008: every number a schema-2 rule computes with must appear in the sentence it quotes (see <see cref="QuoteNumbers"/>).</summary>
internal sealed class QuoteNumberCheck(RulesYaml yaml)
{
    public void Require(YamlMappingNode node, string key, decimal? value, Citation? source)
    {
        if (value is { } number && source is not null && !QuoteNumbers.Contains(source.Quote, number))
        {
            yaml.Report(DiagnosticCodes.RuleNumberNotInQuote, RulesYaml.At(node, key),
                Invariant($"'{key}' is {number}, which the quoted sentence does not state: \"{source.Quote}\""));
        }
    }

    public void Require(YamlMappingNode node, string key, ValueRange? range, Citation? source)
    {
        if (range is not null)
        {
            Require(node, key, range.Min, source);
            if (range.Max != range.Min)
            {
                Require(node, key, range.Max, source);
            }
        }
    }
}
