using System.Globalization;
using Formulary.Monographs.Parsing.Body;

namespace Formulary.Monographs.Parsing.Faqs;

/// <summary>Reads the FAQ section's question headings (<c>Q1: …</c>, or any heading ending in '?').</summary>
internal static class BodyFaqReader
{
    public static IReadOnlyList<BodyFaq> Read(ParsedBody body)
    {
        var section = body.Find("faqs");
        if (section is null)
        {
            return [];
        }

        var faqs = new List<BodyFaq>(section.Children.Count);
        foreach (var child in section.Children)
        {
            var (number, question) = SplitNumber(child.Title);
            if (number is null && !question.EndsWith('?'))
            {
                continue;
            }

            var answer = StripAnswerPrefix(child.PlainText);
            faqs.Add(new BodyFaq(number ?? faqs.Count + 1, FaqRepair.CollapseWhitespace(question), FaqRepair.CollapseWhitespace(answer), child.Line));
        }

        return faqs;
    }

    /// <summary>"Q12: What…" gives (12, "What…"); a title without the "Qn:" prefix gives (null, title).</summary>
    private static (int? Number, string Question) SplitNumber(string title)
    {
        if (title.Length < 3 || title[0] is not ('Q' or 'q') || !char.IsAsciiDigit(title[1]))
        {
            return (null, title);
        }

        var end = 1;
        while (end < title.Length && char.IsAsciiDigit(title[end]))
        {
            end++;
        }

        var rest = title[end..].TrimStart(':', '.', ')', ' ', '-');
        return int.TryParse(title.AsSpan(1, end - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? (number, rest.Trim())
            : (null, title);
    }

    private static string StripAnswerPrefix(string text)
    {
        var trimmed = text.TrimStart();
        return trimmed.StartsWith("A:", StringComparison.Ordinal) ? trimmed[2..].Trim() : trimmed.Trim();
    }
}
