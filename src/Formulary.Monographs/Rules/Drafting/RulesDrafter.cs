using System.Text;
using Formulary.Clinical.Profiles;
using Formulary.Clinical.Regimens;
using Formulary.Monographs.Model;

namespace Formulary.Monographs.Rules.Drafting;

/// <summary>
/// Reads a monograph's Dosage section sentence by sentence (tokenizer, then the phrase grammar of
/// <see cref="SentenceScanner"/>) and drafts rules: regimens, renal bands, and the sentences with dose
/// numbers it could not read. Pure and deterministic: the same monograph gives the same draft.
/// </summary>
public static class RulesDrafter
{
    private static readonly HashSet<string> DoseUnits = new(StringComparer.Ordinal) { "mg", "g", "mcg", "units", "unit", "iu", "mmol", "meq" };

    public static RulesDraft Draft(Monograph monograph)
    {
        ArgumentNullException.ThrowIfNull(monograph);
        var regimens = new List<DraftRegimen>();
        var renal = new List<RenalDoseBand>();
        var unread = new List<Citation>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var dosage = DosageSentences.Dosage(monograph);
        if (dosage is null)
        {
            return new RulesDraft(monograph.Slug, monograph.Title, regimens, renal, unread);
        }

        var populations = new Dictionary<string, SectionPopulation>(StringComparer.Ordinal);
        foreach (var (section, path) in DosageSentences.Sections(dosage))
        {
            var parentPath = path.Contains(" > ", StringComparison.Ordinal) ? path[..path.LastIndexOf(" > ", StringComparison.Ordinal)] : null;
            var population = SectionPopulation.From(section.Title, path, parentPath is not null && populations.TryGetValue(parentPath, out var parent) ? parent : SectionPopulation.None);
            populations[path] = population;
            (List<int> Indices, DosageSentence Sentence)? previous = null;
            foreach (var sentence in DosageSentences.Of(section, path))
            {
                var tokens = DoseLexer.Tokenize(sentence.Text);
                var phrases = SentenceScanner.Phrases(tokens);
                var source = new Citation(path, sentence.Text);
                var read = false;
                if (phrases.Any(p => p is Phrase.RenalThreshold) && !phrases.Any(p => p is Phrase.CalvertFormula))
                {
                    var bands = RenalReading.Bands(phrases, tokens, source);
                    renal.AddRange(bands);
                    read = bands.Count > 0;
                    previous = null;
                }
                else
                {
                    var found = RegimenReading.Regimens(phrases, source, population, label => UniqueId(label, ids));
                    if (found.Count > 0)
                    {
                        previous = ([.. Enumerable.Range(regimens.Count, found.Count)], sentence);
                        regimens.AddRange(found);
                        read = true;
                    }
                    else if (previous is { } before && before.Sentence.Line == sentence.Line && phrases.OfType<Phrase.Maximum>().Any())
                    {
                        // "15 mg/kg every 6 hours. Maximum daily dose: 60 mg/kg/day." The maximum belongs to the sentence before; the quote spans both.
                        var quote = new Citation(path, sentence.Line[before.Sentence.Start..sentence.End]);
                        foreach (var index in before.Indices)
                        {
                            var rule = phrases.OfType<Phrase.Maximum>().Aggregate(regimens[index].Rule, RegimenReading.WithMaximum);
                            regimens[index] = regimens[index] with { Rule = rule with { Source = quote } };
                        }

                        previous = (before.Indices, before.Sentence with { End = sentence.End });
                        read = true;
                    }
                }

                if (!read && (HasDoseNumbers(tokens) || phrases.Any(p => p is Phrase.CalvertFormula)))
                {
                    unread.Add(source);
                }
            }
        }

        return new RulesDraft(monograph.Slug, monograph.Title, regimens, renal, unread);
    }

    /// <summary>A number followed by a dose unit ("15 mg", "2.5g", "500 units").</summary>
    internal static bool HasDoseNumbers(IReadOnlyList<DoseToken> tokens)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Kind == TokenKind.Number && tokens[i + 1].Kind == TokenKind.Word && DoseUnits.Contains(tokens[i + 1].Text))
            {
                return true;
            }
        }

        return false;
    }

    private static string UniqueId(string label, HashSet<string> ids)
    {
        var builder = new StringBuilder();
        foreach (var c in label.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var id = builder.ToString().Trim('-');
        id = id.Length == 0 ? "regimen" : id;
        var candidate = id;
        for (var n = 2; !ids.Add(candidate); n++)
        {
            candidate = Invariant($"{id}-{n}");
        }

        return candidate;
    }
}
