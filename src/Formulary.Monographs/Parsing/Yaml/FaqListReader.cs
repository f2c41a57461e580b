using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Model;
using YamlDotNet.RepresentationModel;

namespace Formulary.Monographs.Parsing.Yaml;

/// <summary>Reads <c>faqs: [{q, a}]</c> as written; repair happens later, in <see cref="Faqs.FaqRepair"/>.</summary>
internal static class FaqListReader
{
    public static IReadOnlyList<RawFaq> Read(DocumentContext context, YamlPositions positions, YamlNode node)
    {
        if (node is YamlScalarNode scalar && FrontMatterFields.ScalarText(scalar) is null)
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            context.Report(DiagnosticCodes.FieldWrongShape, positions.Of(node.Start), "'faqs' must be a list of {q, a}");
            return [];
        }

        var faqs = new List<RawFaq>(sequence.Children.Count);
        foreach (var item in sequence.Children)
        {
            var map = item as YamlMappingNode;
            var question = Value(map, "q");
            var answer = Value(map, "a");
            if (question is null || string.IsNullOrWhiteSpace(Text(question)) || answer is null || string.IsNullOrWhiteSpace(Text(answer)))
            {
                var missing = question is null || string.IsNullOrWhiteSpace(Text(question)) ? "'q' (the question)" : "'a' (the answer)";
                context.Report(DiagnosticCodes.FaqEntryIncomplete, positions.Of(item.Start), $"this FAQ entry has no {missing}");
                if (question is null || string.IsNullOrWhiteSpace(Text(question)))
                {
                    continue;
                }
            }

            var at = positions.Of(question.Start);
            faqs.Add(new RawFaq(Text(question)!, answer is null ? string.Empty : Text(answer) ?? string.Empty, at.Line) { Column = at.Column });
        }

        return faqs;
    }

    private static YamlNode? Value(YamlMappingNode? map, string key) =>
        map?.Children.FirstOrDefault(pair => pair.Key is YamlScalarNode scalar && scalar.Value == key).Value;

    private static string? Text(YamlNode node) => node is YamlScalarNode scalar ? FrontMatterFields.ScalarText(scalar) : null;
}
