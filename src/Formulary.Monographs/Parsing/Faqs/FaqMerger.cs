using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Model;

namespace Formulary.Monographs.Parsing.Faqs;

/// <summary>
/// One FAQ list from the two copies: front-matter entries (repaired) in their order, each matched to
/// the body heading with the same question, then body-only questions. Each question appears once.
/// </summary>
internal static class FaqMerger
{
    public static IReadOnlyList<FaqEntry> Merge(DocumentContext context, IReadOnlyList<RawFaq> raw, IReadOnlyList<BodyFaq> body)
    {
        var unmatched = new List<BodyFaq>(body);
        var entries = new List<FaqEntry>(Math.Max(raw.Count, body.Count));
        foreach (var faq in raw)
        {
            var repaired = FaqRepair.Repair(faq.Question, faq.Answer);
            if (repaired.WasRepaired)
            {
                context.Report(DiagnosticCodes.BrokenFaqRepaired, new SourcePosition(faq.Line, faq.Column),
                    $"FAQ {entries.Count + 1} is stored broken (answer pasted into 'q' after '?**' and '**A:**', or 'a' starting with 'A:**'); it was repaired for display");
            }

            var key = FaqRepair.MatchKey(repaired.Question);
            var match = unmatched.FindIndex(candidate => FaqRepair.MatchKey(candidate.Question) == key);
            var number = entries.Count + 1;
            if (match < 0)
            {
                entries.Add(new FaqEntry(number, repaired.Question, repaired.Answer, repaired.WasRepaired, FaqOrigin.FrontMatter, faq.Line));
                continue;
            }

            var inBody = unmatched[match];
            unmatched.RemoveAt(match);
            var answer = repaired.Answer.Length > 0 ? repaired.Answer : inBody.Answer;
            entries.Add(new FaqEntry(inBody.Number, repaired.Question, answer, repaired.WasRepaired, FaqOrigin.FrontMatterAndBody, faq.Line)
            {
                BodyLine = inBody.Line,
            });
        }

        foreach (var faq in unmatched)
        {
            entries.Add(new FaqEntry(faq.Number, faq.Question, faq.Answer, false, FaqOrigin.Body, faq.Line) { BodyLine = faq.Line });
        }

        return entries;
    }
}
