using Formulary.Clinical.Profiles;
using Formulary.Clinical.Regimens;

namespace Formulary.Monographs.Rules.Drafting;

/// <summary>
/// Turns a sentence's kidney-function thresholds into renal bands: each threshold takes the action
/// written after it (before the next threshold), or, when the sentence has one threshold, the action
/// written anywhere in it ("50% reduction for creatinine clearance 30-60 mL/min").
/// </summary>
internal static class RenalReading
{
    public static IReadOnlyList<RenalDoseBand> Bands(IReadOnlyList<Phrase> phrases, DoseToken[] tokens, Citation source)
    {
        var thresholds = phrases.Select((p, i) => (Phrase: p as Phrase.RenalThreshold, Index: i)).Where(t => t.Phrase is not null).ToList();
        var bands = new List<RenalDoseBand>();
        var measure = tokens.Any(t => t.Is("egfr") || t.Is("gfr")) && !tokens.Any(t => t.Is("crcl") || t.Is("clearance") || t.Is("clcr"))
            ? RenalMeasure.Egfr
            : RenalMeasure.CreatinineClearance;
        var levels = tokens.Any(t => t.Text.StartsWith("level", StringComparison.Ordinal) || t.Text.StartsWith("concentration", StringComparison.Ordinal) || t.Is("tdm"));
        for (var k = 0; k < thresholds.Count; k++)
        {
            var threshold = thresholds[k].Phrase!;
            measure = threshold.Measure ?? measure;
            var end = k + 1 < thresholds.Count ? thresholds[k + 1].Index : phrases.Count;
            var segment = phrases.Skip(thresholds[k].Index + 1).Take(end - thresholds[k].Index - 1).ToList();
            var adjustment = Action(segment, levels, source)
                ?? (thresholds.Count == 1 ? Action([.. phrases.Take(thresholds[k].Index)], levels, source) : null);
            if (adjustment is not null)
            {
                bands.Add(new RenalDoseBand(measure, threshold.Min, threshold.MinInclusive, threshold.Max, threshold.MaxInclusive, adjustment));
            }
        }

        return bands;
    }

    private static DoseAdjustment? Action(IReadOnlyList<Phrase> segment, bool levels, Citation source)
    {
        var frequency = segment.OfType<Phrase.Frequency>().FirstOrDefault(f => f.IntervalHours is not null);
        foreach (var phrase in segment)
        {
            switch (phrase)
            {
                case Phrase.ReduceBy reduce:
                    return new DoseAdjustment(AdjustmentAction.ReduceByPercent, reduce.Percent, source);
                case Phrase.PercentOf percent:
                    return new DoseAdjustment(AdjustmentAction.PercentOfDose, percent.Percent, source);
                case Phrase.Avoid:
                    return new DoseAdjustment(AdjustmentAction.Avoid, null, source);
                case Phrase.Amount amount:
                    return new DoseAdjustment(AdjustmentAction.ReplacementDose, amount.Mg, source) { IntervalHours = frequency?.IntervalHours };
                case Phrase.Frequency { IntervalHours: { } hours }:
                    return new DoseAdjustment(AdjustmentAction.ExtendInterval, hours, source);
                case Phrase.Monitor when levels:
                    return new DoseAdjustment(AdjustmentAction.MonitorLevels, null, source);
                default:
                    break;
            }
        }

        return null;
    }
}
