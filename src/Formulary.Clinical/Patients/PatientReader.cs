using Formulary.Clinical.Dosing;
using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Patients;

/// <summary>
/// Turns a <see cref="PatientInput"/> into a checked <see cref="Patient"/> and <see cref="DosePolicy"/>,
/// or into field errors: every bad field is named with what is wrong and what is needed; nothing is
/// guessed. Warnings (a likely unit mix-up) travel with the reading into the answer.
/// </summary>
internal static class PatientReader
{
    /// <summary>Most other medicines screened in one request.</summary>
    public const int MaxMedications = 50;

    public const int MaxMedicationNameChars = 100;

    public static PatientReading Read(PatientInput input, DateOnly today, bool forDose)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ReadErrors();
        var warnings = new List<AnswerAlert>();
        var age = ReadAge(input.AgeYears, errors);
        var sex = ReadSex(input.Sex, errors);
        var weight = BodyReader.ReadWeight(input.Weight, age, sex, forDose, errors, warnings);
        var height = BodyReader.ReadHeight(input.Height, age, sex, forDose, errors, warnings);
        BodyReader.CheckBodyMassIndex(weight, height, age, sex, errors, warnings);
        var creatinine = CreatinineReader.Read(input.Creatinine, age, forDose, errors, warnings);
        var upperLimit = CreatinineReader.ReadUpperLimit(input.CreatinineUpperLimit, errors);
        var start = ReadStartDate(input.StartDate, today, errors);
        MeasurementDates.Check(input, age?.Years, start, errors);
        CheckEnumerations(input, errors);
        var policy = PolicyReader.Read(input.Policy ?? new PolicyInput(), errors);
        if (input.Pregnant == ScreenAnswer.Yes && sex == Sex.Male)
        {
            errors.Add(PatientField.Pregnancy, "is yes while sex is male; correct one of them");
        }

        var medications = (input.Medications ?? []).Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()).ToArray();
        if (medications.Length > MaxMedications || medications.Any(m => m.Length > MaxMedicationNameChars))
        {
            // Issue 12.7: 100,000 medications made a 39 MB answer; no regimen lists more than a few dozen.
            errors.Add(PatientField.Medications, Invariant($"{medications.Length} medicines given; at most {MaxMedications} are screened, each name at most {MaxMedicationNameChars} characters"));
        }

        if (errors.Count > 0 || age is not { } a || sex is not { } s)
        {
            return new(null, policy, errors.All, warnings);
        }

        var patient = new Patient
        {
            Age = a,
            Sex = s,
            Weight = weight,
            Height = height,
            Creatinine = creatinine,
            CreatinineUpperLimit = upperLimit,
            Hepatic = input.Hepatic,
            PriorToxicity = input.PriorToxicity,
            FinalCycle = input.FinalCycle,
            Pregnant = input.Pregnant,
            Breastfeeding = input.Breastfeeding,
            Hypersensitivity = input.Hypersensitivity,
            Medications = medications,
            StartDate = start,
        };
        return new(patient, policy, errors.All, warnings);
    }

    /// <summary>Longest distance, in days, between day 1 of the cycle being prescribed and today.</summary>
    public const int StartWithinDays = 366;

    /// <summary>Day 1 of a cycle being prescribed is within a year of today; a date beyond is a typing error (9999-12-31).</summary>
    private static DateOnly ReadStartDate(DateOnly? start, DateOnly today, ReadErrors errors)
    {
        if (start is { } day && Math.Abs(day.DayNumber - today.DayNumber) > StartWithinDays)
        {
            errors.Add(PatientField.StartDate, Invariant($"{day:yyyy-MM-dd} is more than a year from today ({today:yyyy-MM-dd}); give day 1 of the cycle being prescribed"));
            return today;
        }

        return start ?? today;
    }

    private static Age? ReadAge(decimal? years, ReadErrors errors) =>
        years is { } y
            ? errors.Checked(PatientField.Age, y, Age.Problem, Age.FromYears)
            : errors.Fail<Age>(PatientField.Age, "is missing; the age in years is needed (fractions for infants, e.g. 0.5)");

    private static Sex? ReadSex(Sex? sex, ReadErrors errors) => sex switch
    {
        null => errors.Fail<Sex>(PatientField.Sex, "is missing; female or male is needed (Cockcroft-Gault, the creatinine reference and contraception windows depend on it)"),
        { } s when !Enum.IsDefined(s) => errors.Fail<Sex>(PatientField.Sex, "is not understood; use female or male"),
        { } s => s,
    };

    /// <summary>Enumerations built in code can hold undefined values; they are refused, never read as a default.</summary>
    private static void CheckEnumerations(PatientInput input, ReadErrors errors)
    {
        if (input.Hepatic is { } hepatic && !Enum.IsDefined(hepatic))
        {
            errors.Add(PatientField.Hepatic, "is not understood; use none, mild, moderate or severe");
        }

        foreach (var (field, answer) in new[] { (PatientField.Pregnancy, input.Pregnant), (PatientField.Breastfeeding, input.Breastfeeding), (PatientField.Hypersensitivity, input.Hypersensitivity) })
        {
            if (!Enum.IsDefined(answer))
            {
                errors.Add(field, "is not understood; answer yes, no, or leave it as not asked");
            }
        }
    }
}
