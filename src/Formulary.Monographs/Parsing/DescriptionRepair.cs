using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Model;
using Formulary.Monographs.Parsing.Faqs;

namespace Formulary.Monographs.Parsing;

/// <summary>
/// Detects a description cut off mid-word and ended with "..." (or '…'), and derives the full one
/// from the Usage section: the Usage text up to the end of the sentence where the cut happened.
/// An empty description is derived the same way. The original is always kept.
/// </summary>
internal static class DescriptionRepair
{
    public static MonographDescription Repair(DocumentContext context, string? original, SourcePosition? position, Section? usage)
    {
        var text = original?.Trim() ?? string.Empty;
        var usageText = usage is null ? string.Empty : FaqRepair.CollapseWhitespace(FirstParagraph(usage.PlainText));
        var at = position ?? SourcePosition.FileStart;
        if (text.Length == 0)
        {
            if (usageText.Length == 0)
            {
                return new MonographDescription(string.Empty, string.Empty, false);
            }

            context.Report(DiagnosticCodes.DescriptionEmpty, at, "the description is empty; the first paragraph of Usage is shown instead");
            return new MonographDescription(original ?? string.Empty, usageText, false);
        }

        var prefix = WithoutEllipsis(text);
        if (prefix is null)
        {
            return new MonographDescription(original!, text, false);
        }

        var collapsed = FaqRepair.CollapseWhitespace(prefix);
        var continuesUsage = usageText.Length > collapsed.Length && usageText.StartsWith(collapsed, StringComparison.Ordinal);
        var midWord = collapsed.Length > 0 && char.IsLetterOrDigit(collapsed[^1]);
        if (!continuesUsage && !midWord)
        {
            return new MonographDescription(original!, text, false);
        }

        var full = continuesUsage ? ToSentenceEnd(usageText, collapsed.Length) : usageText;
        var how = full.Length > 0
            ? "a full description was derived from the Usage section (the original is kept)"
            : "there is no Usage section to derive a full description from";
        context.Report(DiagnosticCodes.DescriptionTruncated, at, "the description is cut off and ends with '...'; " + how);
        return new MonographDescription(original!, full.Length > 0 ? full : text, true);
    }

    private static string? WithoutEllipsis(string text) =>
        text.EndsWith("...", StringComparison.Ordinal) ? text[..^3].TrimEnd()
        : text.EndsWith('\u2026') ? text[..^1].TrimEnd()
        : null;

    private static string FirstParagraph(string plainText)
    {
        var end = plainText.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? plainText : plainText[..end];
    }

    /// <summary>The text up to the end of the sentence that contains <paramref name="cut"/>.</summary>
    private static string ToSentenceEnd(string text, int cut)
    {
        for (var i = Math.Max(cut - 1, 0); i < text.Length; i++)
        {
            if (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])))
            {
                return text[..(i + 1)];
            }
        }

        return text;
    }
}
