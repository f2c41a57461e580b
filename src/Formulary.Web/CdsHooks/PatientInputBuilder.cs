using System.Globalization;
using Formulary.Clinical.Patients;
using Formulary.Clinical.Quantities;
using Hl7.Fhir.Model;
using Measure = Formulary.Clinical.Patients.Measure;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// Maps FHIR data into the engine's typed <see cref="PatientInput"/>, the way the API, the CLI and the page
/// form map theirs: age from a full birth date, sex from the administrative gender (other and unknown are a problem
/// that says so; a gender not given is left unset, and the engine refuses and says it needs female or male), weight,
/// height and creatinine from their Observations through <see cref="ObservationReader"/>, each with the day it was
/// measured; pregnancy from the record's pregnancy status when it answers (<see cref="PregnancyStatusReader"/>).
/// Screens the record does not answer (pregnancy without a usable status, breastfeeding, hypersensitivity) stay
/// "not asked", never "no".
/// Problems reading the data come back as sentences (they stop the dose); the pregnancy reading says what the record's
/// status gave the screen, or why it was not used (it does not stop the dose); the engine checks every value that gets through.
/// </summary>
internal static class PatientInputBuilder
{
    public static (PatientInput Input, IReadOnlyList<string> Problems, PregnancyReading Pregnancy) Build(PatientRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        var problems = new List<string>();
        var today = ObservationReader.Today(now);
        var pregnancy = PregnancyStatusReader.Read(record.Observations.GetValueOrDefault(CdsServiceCatalog.PregnancyKey), now);
        var input = new PatientInput
        {
            AgeYears = AgeYears(record.Patient, today, problems),
            Sex = SexOf(record.Patient, problems),
        };
        var values = new Dictionary<string, ObservedValue>(StringComparer.Ordinal);
        foreach (var kind in ObservationKind.All)
        {
            if (!record.Observations.TryGetValue(kind.Key, out var observation) || observation is null)
            {
                problems.Add(record.Ignored.TryGetValue(kind.Key, out var passedOver)
                    ? $"The record holds no usable {kind.Name} (LOINC {kind.Loinc[0]}): Observation {passedOver} is not a result and was ignored; one is needed for a dose."
                    : $"The record holds no {kind.Name} (LOINC {kind.Loinc[0]}); one is needed for a dose.");
                continue;
            }

            var (value, problem) = ObservationReader.Read(observation, kind, now);
            if (value is null)
            {
                problems.Add(problem!);
                continue;
            }

            if (Disagreeing(record, kind, observation, value, now) is { } conflict)
            {
                problems.Add(conflict);
                continue;
            }

            values[kind.Key] = value;
        }

        return (input with
        {
            Pregnant = pregnancy.Answer,
            Weight = values.TryGetValue(CdsServiceCatalog.WeightKey, out var w) ? Measure.Kilograms(w.Value, w.MeasuredOn) : null,
            Height = values.TryGetValue(CdsServiceCatalog.HeightKey, out var h) ? Measure.Centimetres(h.Value, h.MeasuredOn) : null,
            Creatinine = values.TryGetValue(CdsServiceCatalog.CreatinineKey, out var c)
                ? c.Unit == "umol/L" ? Measure.MicromolPerLitre(c.Value, c.MeasuredOn) : Measure.MgPerDl(c.Value, c.MeasuredOn)
                : null,
        }, problems, pregnancy);
    }

    /// <summary>
    /// When another result was measured at the same time as the one read and does not give the same value (in the
    /// kind's unit), the sentence that says so: which of them holds cannot be told, so neither is used.
    /// </summary>
    private static string? Disagreeing(PatientRecord record, ObservationKind kind, Observation latest, ObservedValue value, DateTimeOffset now)
    {
        if (!record.Tied.TryGetValue(kind.Key, out var others))
        {
            return null;
        }

        foreach (var other in others)
        {
            var (otherValue, _) = ObservationReader.Read(other, kind, now);
            if (otherValue is null || otherValue.Unit != value.Unit || otherValue.Value != value.Value)
            {
                var said = otherValue is null ? "cannot be used" : Invariant($"{otherValue.Value} {otherValue.Unit}");
                var (when, whenOther) = (ObservationReader.EffectiveText(latest), ObservationReader.EffectiveText(other));
                var together = when == whenOther || (when.Length > 10 && whenOther.Length > 10)
                    ? $"were measured at the same time ({when})"
                    : $"cannot be ordered ({when} and {whenOther}: a date without a time may be any hour of that day)";
                return Invariant($"{ObservationReader.Named(latest, kind.Name)} ({value.Value} {value.Unit}) and Observation '{other.Id ?? "without id"}' ({said}) {together} and disagree; which holds cannot be told, so neither is used: correct the record.");
            }
        }

        return null;
    }

    /// <summary>
    /// Female or male from the administrative gender. 'other' and 'unknown' are said as such (the engine would say the sex is
    /// missing, and the EHR did send one); a gender not given at all is left to the engine's own words.
    /// </summary>
    private static Sex? SexOf(Hl7.Fhir.Model.Patient patient, List<string> problems)
    {
        switch (patient.Gender)
        {
            case AdministrativeGender.Female:
                return Sex.Female;
            case AdministrativeGender.Male:
                return Sex.Male;
            case { } other:
                problems.Add($"The Patient's gender is '{Hl7.Fhir.Utility.EnumUtility.GetLiteral(other)}', and a dose needs female or male (Patient.gender): record the sex the dose is to be computed for.");
                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// Completed years plus the fraction of the current year of life (days since the last birthday over the
    /// days to the next), truncated to 4 decimals so a boundary ("under 22") is never crossed early.
    /// </summary>
    public static decimal? AgeYears(Hl7.Fhir.Model.Patient patient, DateOnly today, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(problems);
        var text = patient.BirthDate;
        if (text is not { Length: 10 } || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born))
        {
            problems.Add(text is null
                ? "The Patient has no birth date; the age is needed."
                : $"The Patient's birth date '{text}' is not a full date (YYYY-MM-DD); the exact age is needed.");
            return null;
        }

        if (born > today)
        {
            problems.Add(Invariant($"The Patient's birth date {born:yyyy-MM-dd} is after today ({today:yyyy-MM-dd})."));
            return null;
        }

        var years = today.Year - born.Year;
        var birthday = AddYears(born, years);
        if (birthday > today)
        {
            years--;
            birthday = AddYears(born, years);
        }

        var next = AddYears(born, years + 1);
        var fraction = (decimal)(today.DayNumber - birthday.DayNumber) / (next.DayNumber - birthday.DayNumber);
        return years + Math.Truncate(fraction * 10_000m) / 10_000m;
    }

    /// <summary>A birthday in a given year; 29 February falls on 28 February in common years.</summary>
    private static DateOnly AddYears(DateOnly born, int years) => born.AddYears(years);
}
