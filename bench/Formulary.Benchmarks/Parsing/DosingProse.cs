using System.Globalization;
using System.Text;

namespace Formulary.Benchmarks.Parsing;

/// <summary>
/// Generated "Standard Dosage" prose for the corpus, in the shapes real monographs use (issue 10):
/// mg/kg per dose or per day with maxima, alternatives, loading doses, weight bands, neonatal age bands
/// in days, mg/m² courses, fixed doses, the Calvert formula, renal bands, and sentences with no dose.
/// Deterministic for a given <see cref="Random"/>. Each section says whether it states a mg/kg or mg/m²
/// dose, so coverage can be measured against what was written, not against what the drafter read.
/// </summary>
public static class DosingProse
{
    private static readonly string[] Routes = ["orally", "intravenously", "IV", "by mouth", "intramuscularly", string.Empty];
    private static readonly string[] Dashes = ["-", "–", " to "];

    /// <summary>One Dosage section body (Markdown, the seed's "#### **Population:** text" lines) and whether it states a weight- or BSA-based dose.</summary>
    public sealed record Section(string Markdown, bool StatesWeightOrBsaDose);

    public static Section Generate(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var lines = new StringBuilder("### **Standard Dosage**\n\n");
        var weightOrBsa = false;
        var populations = random.Next(1, 4);
        for (var i = 0; i < populations; i++)
        {
            var (heading, sentence, based) = random.Next(16) switch
            {
                0 => ("Children", Invariant($"{Num(random, 10, 20)}mg/kg/dose every {Range(random, 4, 6)} hours as needed. Maximum daily dose: {Num(random, 60, 90)}mg/kg/day (not exceeding {Num(random, 2, 4)}g/day)."), true),
                1 => ("Children", Invariant($"{Dec(random)} mg/kg every {Pick(random, "6", "8", "12")} hours or {Range(random, 4, 7)} mg/kg once daily."), true),
                2 => ("Adults", Invariant($"Loading dose: {Num(random, 20, 25)}{Pick(random, Dashes)}{Num(random, 26, 35)} mg/kg (actual body weight, maximum {Dec(random)}g).{Maybe(random, " Then 15 mg/kg every 12 hours.")}"), true),
                3 => ("Children", Invariant($"Children from 1 month: {Range(random, 50, 100)} mg/kg/day {Pick(random, Routes)} divided into {Pick(random, "2", "3", "4")} doses (maximum {Num(random, 2, 12)} g/day)."), true),
                4 => ("Children", Invariant($"{Num(random, 5, 40)} mg/kg {Pick(random, Routes)} every {Pick(random, "6", "8", "12", "24")} hours."), true),
                5 => ("Children", Invariant($"Children weighing less than {Num(random, 20, 40)} kg: {Num(random, 5, 15)} mg/kg twice daily."), true),
                6 => ("Neonates", Invariant($"Neonates 0-7 days old: {Num(random, 10, 50)} mg/kg {Pick(random, Routes)} every 12 hours. Neonates 8-28 days old: {Num(random, 10, 50)} mg/kg every 8 hours."), true),
                7 => ("Adults", Invariant($"{Num(random, 25, 400)} mg/m² intravenously over {Pick(random, "1", "2", "3")} hours on days 1 to {Num(random, 3, 5)}, every {Pick(random, "3", "4")} weeks."), true),
                8 => ("Children (1-21 years)", Invariant($"{Num(random, 10, 100)} mg/m2 daily for {Num(random, 3, 7)} consecutive days."), true),
                9 => ("Adults", Invariant($"{Num(random, 20, 100)} mg/m² once weekly{Maybe(random, " for 6 weeks")}."), true),
                10 => ("Adults", Invariant($"{random.Next(1, 21) * 25} mg {Pick(random, Routes)} {Pick(random, "twice daily", "once daily", "three times daily", "every 8 hours", "BID", "q12h")}."), false),
                11 => ("Adults", Invariant($"{random.Next(2, 6) * 100} mg to 1 g every {Range(random, 4, 6)} hours as needed. Maximum daily dose: 4 g/day."), false),
                12 => ("Adults", Invariant($"Dose (mg) = Target AUC x (GFR + 25). Target AUC {Num(random, 4, 7)} mg/mL·min on day 1, every 4 weeks."), false),
                13 => ("Children", Invariant($"{Dec(random)} mg per kg body weight {Pick(random, "once daily", "every 8 hours")}."), true),
                14 => ("Adults", "As prescribed by the specialist; doses are individualised.", false),
                _ => ("Children", Invariant($"{random.Next(1, 11) * 10} micrograms/kg {Pick(random, "once daily", "every 12 hours")}."), true),
            };
            lines.Append("#### **").Append(heading).Append(":** ").Append(sentence.Replace("  ", " ", StringComparison.Ordinal)).Append("\n\n");
            weightOrBsa |= based;
        }

        if (random.Next(3) == 0)
        {
            lines.Append("### **Dosage Adjustments**\n\n").Append(random.Next(3) switch
            {
                0 => Invariant($"CrCl {Num(random, 30, 40)}-{Num(random, 50, 60)} mL/min: reduce dose by {Pick(random, "25", "50")}%."),
                1 => Invariant($"CrCl <{Num(random, 10, 30)} mL/min: give {Pick(random, "25", "50")}% of the usual dose."),
                _ => Invariant($"Creatinine clearance 10-50 mL/min: every {Pick(random, "12", "24")} hours."),
            }).Append("\n\n");
        }

        return new Section(lines.ToString(), weightOrBsa);
    }

    /// <summary>Replaces the Standard Dosage (and Dosage Adjustments) of a seed-format monograph with <paramref name="section"/>.</summary>
    public static string Replace(string monograph, Section section)
    {
        ArgumentNullException.ThrowIfNull(monograph);
        ArgumentNullException.ThrowIfNull(section);
        var start = monograph.IndexOf("### **Standard Dosage**", StringComparison.Ordinal);
        var end = start < 0 ? -1 : monograph.IndexOf("\n## ", start, StringComparison.Ordinal);
        return start < 0 || end < 0 ? monograph : string.Concat(monograph.AsSpan(0, start), section.Markdown, monograph.AsSpan(end + 1));
    }

    private static string Num(Random random, int min, int max) => random.Next(min, max + 1).ToString(CultureInfo.InvariantCulture);

    private static string Dec(Random random) => (random.Next(5, 30) / 10m).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Range(Random random, int min, int max)
    {
        var low = random.Next(min, max);
        return Invariant($"{low}{Pick(random, Dashes)}{random.Next(low + 1, max + 1)}");
    }

    private static string Pick(Random random, params string[] options) => options[random.Next(options.Length)];

    private static string Maybe(Random random, string text) => random.Next(2) == 0 ? text : string.Empty;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
