using Formulary.Clinical.Patients;
using Hl7.Fhir.Model;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// Reads the record's pregnancy status (LOINC 82810-3, "Pregnancy status", as US Core and IPS record it) into the
/// pregnancy screen's answer. The answer is a coded value: LOINC answer list LL4129-4 (LA15173-0 pregnant, LA26683-5
/// not pregnant, LA4489-6 unknown) or the SNOMED CT concepts (77386006 pregnant, 60001007 not pregnant, 261665006
/// unknown). "Not asked is not no": anything else stays <see cref="ScreenAnswer.NotAsked"/> (the engine then warns
/// that the screen was not done), and the reading says the record's Observation was not used — naming it (code, status,
/// date, answer) and why: unknown, a status that is not a result, a code not in these lists, no value, no date, a date
/// after now, or an answer too old to describe today: "not pregnant" counts only within <see cref="NotPregnantValidDays"/>
/// days of day 1, "pregnant" within <see cref="PregnantValidDays"/>. Both limits are Formulary's choice, not a
/// monograph's (see ADR 0012). An unused answer that says pregnant (<see cref="PregnancyReading.MaySayPregnant"/>) is told
/// apart: refused for its form, it may well be true.
/// </summary>
internal static class PregnancyStatusReader
{
    /// <summary>A negative answer older than a week does not say the patient is not pregnant now (a test before chemotherapy is usually asked within 7 days).</summary>
    public const int NotPregnantValidDays = 7;

    /// <summary>A pregnancy lasts about 280 days from the last period: a positive answer within that is still taken as yes (the safe side).</summary>
    public const int PregnantValidDays = 280;

    private const string SnomedSystem = "http://snomed.info/sct";

    public static PregnancyReading Read(Observation? observation, DateTimeOffset now)
    {
        if (observation is null)
        {
            return PregnancyReading.None;
        }

        var name = ObservationReader.Named(observation, "pregnancy status");
        var value = observation.Value as CodeableConcept;
        var answers = value?.Coding.Select(Answer).OfType<ScreenAnswer>().Distinct().ToList() ?? [];
        var saysPregnant = answers.Contains(ScreenAnswer.Yes) || SaysPregnant(value);
        PregnancyReading NotUsed(string why) => Unused(observation, why, saysPregnant);

        if (ObservationReader.StatusProblem(observation, name) is { } problem)
        {
            return NotUsed(problem);
        }

        if (observation.Code?.Coding.Any(c => c.System == ObservationReader.LoincSystem && c.Code == CdsServiceCatalog.PregnancyStatusLoinc) != true)
        {
            return NotUsed($"{name} is not coded LOINC {CdsServiceCatalog.PregnancyStatusLoinc} (Pregnancy status).");
        }

        if (value is null)
        {
            var why = observation.DataAbsentReason?.Text ?? observation.DataAbsentReason?.Coding.FirstOrDefault()?.Code;
            return NotUsed($"{name} has no coded answer{(why is null ? string.Empty : $" ({why})")}.");
        }

        if (answers.Count != 1)
        {
            var sent = string.Join(", ", value.Coding.Select(c => $"{c.System}|{c.Code}"));
            return NotUsed(answers.Count == 0
                ? $"{name} answers '{value.Text ?? sent}', not one of the LOINC (LA15173-0, LA26683-5, LA4489-6) or SNOMED CT (77386006, 60001007, 261665006) codes Formulary reads."
                : $"{name} carries codings that disagree ({sent}).");
        }

        var answer = answers[0];
        if (answer == ScreenAnswer.NotAsked)
        {
            return NotUsed($"{name} records the pregnancy status as unknown.");
        }

        if (ObservationReader.MeasuredOn(observation) is not { } day)
        {
            return NotUsed($"{name} has no full date; how current it is cannot be told.");
        }

        if (ObservationReader.After(observation, now) is { } future)
        {
            return NotUsed($"{name} is dated {future}; how current it is cannot be told.");
        }

        var age = ObservationReader.Today(now).DayNumber - day.DayNumber;
        var limit = answer == ScreenAnswer.Yes ? PregnantValidDays : NotPregnantValidDays;
        return age > limit
            ? Unused(observation, Invariant($"{name} says '{(answer == ScreenAnswer.Yes ? "pregnant" : "not pregnant")}' on {day:yyyy-MM-dd}, {age} days ago; it is used within {limit} days of day 1: ask again."), false)
            : new(answer, Invariant($"Pregnancy status from the record: {(answer == ScreenAnswer.Yes ? "pregnant" : "not pregnant")} (Observation{(observation.Id is { } i ? $" '{i}'" : string.Empty)}, {day:yyyy-MM-dd})."));
    }

    /// <summary>Yes, no, not asked for a recorded "unknown", or null when the code is not one read here.</summary>
    private static ScreenAnswer? Answer(Coding coding) => (coding.System, coding.Code) switch
    {
        (ObservationReader.LoincSystem, "LA15173-0") or (SnomedSystem, "77386006") => ScreenAnswer.Yes,
        (ObservationReader.LoincSystem, "LA26683-5") or (SnomedSystem, "60001007") => ScreenAnswer.No,
        (ObservationReader.LoincSystem, "LA4489-6") or (SnomedSystem, "261665006") => ScreenAnswer.NotAsked,
        _ => null,
    };

    /// <summary>Words that deny or doubt a pregnancy: a text holding one of them is not read as saying pregnant.</summary>
    private static readonly IReadOnlySet<string> Denials = new HashSet<string>(StringComparer.Ordinal) { "not", "non", "no", "never", "negative", "unknown", "unsure" };

    /// <summary>
    /// Whether an answer Formulary cannot read still says pregnant: a yes code under another or no system
    /// (LA15173-0, 77386006), or a text or display with the word "pregnant" and none of <see cref="Denials"/>
    /// ("Pregnant", "possibly pregnant"; not "Not pregnant", "non-pregnant"). Used only to make the card say so louder.
    /// </summary>
    private static bool SaysPregnant(CodeableConcept? value) =>
        value is not null
        && (value.Coding.Any(c => c.Code is "LA15173-0" or "77386006")
            || new[] { value.Text }.Concat(value.Coding.Select(c => c.Display)).Any(SaysPregnant));

    private static bool SaysPregnant(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var words = text.ToLowerInvariant().Split((char[])[' ', '-', ',', '.', ';', ':', '(', ')', '/', '?', '!', '\'', '"'], StringSplitOptions.RemoveEmptyEntries);
        return words.Contains("pregnant") && !words.Any(Denials.Contains);
    }

    /// <summary>The reading of an Observation not used: the screen not asked, the Observation described and why.</summary>
    private static PregnancyReading Unused(Observation observation, string why, bool saysPregnant) =>
        new(ScreenAnswer.NotAsked, $"{why} The record holds: {Described(observation)}. The pregnancy screen stays not asked: {(saysPregnant ? "the record may say pregnant; confirm it before ordering" : "ask, or record a current answer")}.", true, saysPregnant);

    /// <summary>"Observation 'pg1': LOINC 82810-3 (Pregnancy status), status 'preliminary', dated 2026-12-01, answer LOINC LA15173-0 (pregnant)".</summary>
    private static string Described(Observation observation)
    {
        var code = observation.Code?.Coding.Count > 0 ? string.Join(", ", observation.Code.Coding.Select(Coded)) : observation.Code?.Text ?? "no code";
        var answer = observation.Value switch
        {
            CodeableConcept concept => string.Join(", ", concept.Coding.Select(Coded).Append(concept.Text is { } t ? $"text '{t}'" : null).OfType<string>()) is { Length: > 0 } said ? said : "empty",
            null => "none" + (observation.DataAbsentReason?.Coding.FirstOrDefault()?.Code is { } absent ? $" (data absent: {absent})" : string.Empty),
            { } other => $"a {other.TypeName}, not a coded answer",
        };
        var date = ObservationReader.EffectiveText(observation) is { Length: > 0 } effective ? effective : "undated";
        var status = observation.Status is { } s ? Hl7.Fhir.Utility.EnumUtility.GetLiteral(s) : "none";
        return $"Observation{(observation.Id is { } id ? $" '{id}'" : string.Empty)}: {code}, status '{status}', dated {date}, answer {answer}";
    }

    /// <summary>A coding as "LOINC LA15173-0 (Pregnant)"; the meaning Formulary reads in it when no display is sent.</summary>
    private static string Coded(Coding coding)
    {
        var system = coding.System switch
        {
            ObservationReader.LoincSystem => "LOINC",
            SnomedSystem => "SNOMED CT",
            null => "no system",
            { } other => other,
        };
        var meaning = coding.Display ?? Answer(coding) switch
        {
            ScreenAnswer.Yes => "pregnant",
            ScreenAnswer.No => "not pregnant",
            ScreenAnswer.NotAsked => "unknown",
            _ => null,
        };
        return $"{system} {coding.Code ?? "without code"}{(meaning is null ? string.Empty : $" ({meaning})")}";
    }
}
