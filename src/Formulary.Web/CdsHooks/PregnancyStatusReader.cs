using Formulary.Clinical.Patients;
using Hl7.Fhir.Model;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// Reads the record's pregnancy status (LOINC 82810-3, "Pregnancy status", as US Core and IPS record it) into the
/// pregnancy screen's answer. The answer is a coded value: LOINC answer list LL4129-4 (LA15173-0 pregnant, LA26683-5
/// not pregnant, LA4489-6 unknown) or the SNOMED CT concepts (77386006 pregnant, 60001007 not pregnant, 261665006
/// unknown). "Not asked is not no": anything else stays <see cref="ScreenAnswer.NotAsked"/> (the engine then warns
/// that the screen was not done) with a note saying why the record's answer was not used — no Observation, unknown,
/// a status that is not a result, a code not in these lists, no value, no date, or an answer too old to describe
/// today: "not pregnant" counts only within <see cref="NotPregnantValidDays"/> days of day 1, "pregnant" within
/// <see cref="PregnantValidDays"/>. Both limits are Formulary's choice, not a monograph's (see ADR 0012).
/// </summary>
internal static class PregnancyStatusReader
{
    /// <summary>A negative answer older than a week does not say the patient is not pregnant now (a test before chemotherapy is usually asked within 7 days).</summary>
    public const int NotPregnantValidDays = 7;

    /// <summary>A pregnancy lasts about 280 days from the last period: a positive answer within that is still taken as yes (the safe side).</summary>
    public const int PregnantValidDays = 280;

    private const string SnomedSystem = "http://snomed.info/sct";

    public static (ScreenAnswer Answer, string? Note) Read(Observation? observation, DateOnly today)
    {
        if (observation is null)
        {
            return (ScreenAnswer.NotAsked, null);
        }

        var name = ObservationReader.Named(observation, "pregnancy status");
        if (ObservationReader.StatusProblem(observation, name) is { } problem)
        {
            return NotUsed(problem);
        }

        if (observation.Code?.Coding.Any(c => c.System == ObservationReader.LoincSystem && c.Code == CdsServiceCatalog.PregnancyStatusLoinc) != true)
        {
            return NotUsed($"{name} is not coded LOINC {CdsServiceCatalog.PregnancyStatusLoinc} (Pregnancy status).");
        }

        if (observation.Value is not CodeableConcept value)
        {
            var why = observation.DataAbsentReason?.Text ?? observation.DataAbsentReason?.Coding.FirstOrDefault()?.Code;
            return NotUsed($"{name} has no coded answer{(why is null ? string.Empty : $" ({why})")}.");
        }

        var answers = value.Coding.Select(Answer).OfType<ScreenAnswer>().Distinct().ToList();
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

        if (ObservationReader.MeasuredOn(observation) is not { } day || day > today)
        {
            return NotUsed($"{name} has no full date on or before today; how current it is cannot be told.");
        }

        var age = today.DayNumber - day.DayNumber;
        var limit = answer == ScreenAnswer.Yes ? PregnantValidDays : NotPregnantValidDays;
        return age > limit
            ? NotUsed(Invariant($"{name} says '{(answer == ScreenAnswer.Yes ? "pregnant" : "not pregnant")}' on {day:yyyy-MM-dd}, {age} days ago; it is used within {limit} days of day 1: ask again."))
            : (answer, Invariant($"Pregnancy status from the record: {(answer == ScreenAnswer.Yes ? "pregnant" : "not pregnant")} (Observation{(observation.Id is { } i ? $" '{i}'" : string.Empty)}, {day:yyyy-MM-dd})."));
    }

    /// <summary>Yes, no, not asked for a recorded "unknown", or null when the code is not one read here.</summary>
    private static ScreenAnswer? Answer(Coding coding) => (coding.System, coding.Code) switch
    {
        (ObservationReader.LoincSystem, "LA15173-0") or (SnomedSystem, "77386006") => ScreenAnswer.Yes,
        (ObservationReader.LoincSystem, "LA26683-5") or (SnomedSystem, "60001007") => ScreenAnswer.No,
        (ObservationReader.LoincSystem, "LA4489-6") or (SnomedSystem, "261665006") => ScreenAnswer.NotAsked,
        _ => null,
    };

    private static (ScreenAnswer Answer, string? Note) NotUsed(string why) => (ScreenAnswer.NotAsked, why + " The pregnancy screen stays not asked.");
}
