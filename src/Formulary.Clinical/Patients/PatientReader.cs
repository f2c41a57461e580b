using System.Globalization;
using Formulary.Clinical.Calculators;
using Formulary.Clinical.Dosing;
using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Patients;

/// <summary>
/// Turns a wire request into a checked <see cref="Patient"/> and <see cref="DosePolicy"/>, or into
/// field errors: every bad field is named with what is wrong and what is needed; nothing is guessed.
/// </summary>
internal static class PatientReader
{
    /// <summary>Under this age a patient may still be growing (CDC charts run to 20 years).</summary>
    private const decimal GrowingUntilYears = 20m;

    public static PatientReading Read(DoseRequest request, DateOnly today, bool forDose)
    {
        var errors = new List<FieldError>();
        var age = ReadAge(request, errors);
        var sex = ReadSex(request, errors);
        var weight = ReadWeight(request, age, forDose, errors);
        var height = ReadHeight(request, age, forDose, errors);
        CheckBodyMassIndex(weight, height, errors);
        var creatinine = ReadCreatinine(request, forDose, errors);
        var upperLimit = ReadUpperLimit(request, errors);
        var hepatic = ReadHepatic(request, errors);
        var start = ReadStartDate(request, today, errors);
        CheckMeasurementDates(request, age, start, errors);
        var policy = ReadPolicy(request, errors);

        if (request.Pregnant && sex == Sex.Male)
        {
            errors.Add(new("pregnant", "is true while sex is male; correct one of them"));
        }

        var medications = (request.Medications ?? []).Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()).ToArray();
        if (errors.Count > 0 || age is not { } a || sex is not { } s)
        {
            return new(null, policy, errors);
        }

        var patient = new Patient
        {
            Age = a,
            Sex = s,
            Weight = weight,
            Height = height,
            Creatinine = creatinine,
            CreatinineUpperLimit = upperLimit,
            Hepatic = hepatic,
            PriorToxicity = request.PriorToxicity,
            Pregnant = request.Pregnant,
            Breastfeeding = request.Breastfeeding,
            Hypersensitivity = request.Hypersensitivity,
            Medications = medications,
            StartDate = start,
        };
        return new(patient, policy, errors);
    }

    private static Age? ReadAge(DoseRequest request, List<FieldError> errors)
    {
        if (request.AgeYears is not { } years)
        {
            errors.Add(new("ageYears", "is missing; the age in years is needed (fractions for infants, e.g. 0.5)"));
            return null;
        }

        return Checked("ageYears", years, Age.Problem, Age.FromYears, errors);
    }

    private static Sex? ReadSex(DoseRequest request, List<FieldError> errors)
    {
        switch (request.Sex?.Trim().ToLowerInvariant())
        {
            case "female" or "f":
                return Sex.Female;
            case "male" or "m":
                return Sex.Male;
            case null or "":
                errors.Add(new("sex", "is missing; female or male is needed (Cockcroft-Gault and contraception windows depend on it)"));
                return null;
            default:
                errors.Add(new("sex", Invariant($"'{request.Sex}' is not understood; use female or male")));
                return null;
        }
    }

    private static BodyWeight? ReadWeight(DoseRequest request, Age? age, bool required, List<FieldError> errors)
    {
        var (field, weight) = (request.WeightKg, request.WeightLb) switch
        {
            ({ }, { }) => ("weightKg", Fail<BodyWeight>(errors, "weightKg", "and weightLb are both given; give the weight once, in one unit")),
            ({ } kg, null) => ("weightKg", Checked("weightKg", kg, BodyWeight.Problem, BodyWeight.FromKilograms, errors)),
            (null, { } lb) => ("weightLb", Checked("weightLb", lb, BodyWeight.ProblemInPounds, BodyWeight.FromPounds, errors)),
            _ => ("weightKg", required ? Fail<BodyWeight>(errors, "weightKg", "is missing; the body weight (weightKg or weightLb) is needed") : null),
        };

        if (weight is { } w && age is { } a)
        {
            var (min, max) = PlausibleRanges.WeightKg(a);
            if (w.Kilograms < min || w.Kilograms > max)
            {
                errors.Add(new(field, Invariant($"{w.Kilograms:0.##} kg is implausible for age {a.Years:0.##} years (plausible {min}-{max} kg); check the value and its unit (pounds entered as kilograms?)")));
                return null;
            }
        }

        return weight;
    }

    private static Height? ReadHeight(DoseRequest request, Age? age, bool required, List<FieldError> errors)
    {
        var (field, height) = (request.HeightCm, request.HeightIn) switch
        {
            ({ }, { }) => ("heightCm", Fail<Height>(errors, "heightCm", "and heightIn are both given; give the height once, in one unit")),
            ({ } cm, null) => ("heightCm", Checked("heightCm", cm, Height.Problem, Height.FromCentimetres, errors)),
            (null, { } inches) => ("heightIn", Checked("heightIn", inches, Height.ProblemInInches, Height.FromInches, errors)),
            _ => ("heightCm", required ? Fail<Height>(errors, "heightCm", "is missing; the height (heightCm or heightIn) is needed") : null),
        };

        if (height is { } h && age is { } a)
        {
            var (min, max) = PlausibleRanges.HeightCm(a);
            if (h.Centimetres < min || h.Centimetres > max)
            {
                errors.Add(new(field, Invariant($"{h.Centimetres:0.##} cm is implausible for age {a.Years:0.##} years (plausible {min}-{max} cm); check the value and its unit (inches entered as centimetres?)")));
                return null;
            }
        }

        return height;
    }

    private static void CheckBodyMassIndex(BodyWeight? weight, Height? height, List<FieldError> errors)
    {
        if (weight is not { } w || height is not { } h)
        {
            return;
        }

        var bmi = w.Kilograms / (h.Metres * h.Metres);
        var (min, max) = PlausibleRanges.BodyMassIndex;
        if (bmi < min || bmi > max)
        {
            errors.Add(new("weightKg", Invariant($"weight {w} and height {h} give a body mass index of {bmi:0.#} kg/m², outside {min}-{max}: they cannot belong to the same person; check both values and units")));
        }
    }

    private static SerumCreatinine? ReadCreatinine(DoseRequest request, bool required, List<FieldError> errors) =>
        (request.ScrMgDl, request.ScrUmolL) switch
        {
            ({ }, { }) => Fail<SerumCreatinine>(errors, "scrMgDl", "and scrUmolL are both given; give the serum creatinine once, in one unit"),
            ({ } mg, null) => Checked("scrMgDl", mg, SerumCreatinine.ProblemInMgPerDl, SerumCreatinine.FromMgPerDl, errors),
            (null, { } umol) => Checked("scrUmolL", umol, SerumCreatinine.ProblemInMicromolPerLitre, SerumCreatinine.FromMicromolPerLitre, errors),
            _ => required ? Fail<SerumCreatinine>(errors, "scrMgDl", "is missing; a serum creatinine (scrMgDl or scrUmolL) is needed to estimate kidney function before dosing") : null,
        };

    private static SerumCreatinine? ReadUpperLimit(DoseRequest request, List<FieldError> errors)
    {
        if (request.ScrUlnMgDl is not { } uln)
        {
            return null;
        }

        // A creatinine upper limit of normal is 0.2-0.4 mg/dL in infants and about 1.0-1.3 mg/dL in adults.
        return uln is < 0.1m or > 2m
            ? Fail<SerumCreatinine>(errors, "scrUlnMgDl", Invariant($"{uln} mg/dL is not a plausible upper limit of normal for serum creatinine (0.1-2 mg/dL); µmol/L entered as mg/dL?"))
            : SerumCreatinine.FromMgPerDl(uln);
    }

    private static HepaticImpairment ReadHepatic(DoseRequest request, List<FieldError> errors)
    {
        var text = request.Hepatic?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return HepaticImpairment.None;
        }

        if (Enum.TryParse<HepaticImpairment>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsDigit(text[0]))
        {
            return value;
        }

        errors.Add(new("hepatic", Invariant($"'{text}' is not understood; use none, mild, moderate or severe")));
        return HepaticImpairment.None;
    }

    /// <summary>Day 1 of a cycle being prescribed is within a year of today; a date beyond is a typing error (9999-12-31).</summary>
    private static DateOnly ReadStartDate(DoseRequest request, DateOnly today, List<FieldError> errors)
    {
        var start = ReadDate("startDate", request.StartDate, errors);
        if (start is { } day && Math.Abs(day.DayNumber - today.DayNumber) > 366)
        {
            errors.Add(new("startDate", Invariant($"{day:yyyy-MM-dd} is more than a year from today ({today:yyyy-MM-dd}); give day 1 of the cycle being prescribed")));
            return today;
        }

        return start ?? today;
    }

    /// <summary>
    /// A height measured long before the weight misstates a growing patient's BSA: under 20 years,
    /// a height more than a year older than the weight is refused. Dates after day 1 are refused.
    /// </summary>
    private static void CheckMeasurementDates(DoseRequest request, Age? age, DateOnly start, List<FieldError> errors)
    {
        var weighed = ReadDate("weightMeasuredOn", request.WeightMeasuredOn, errors);
        var measured = ReadDate("heightMeasuredOn", request.HeightMeasuredOn, errors);
        foreach (var (field, date) in new[] { ("weightMeasuredOn", weighed), ("heightMeasuredOn", measured) })
        {
            if (date is { } d && d > start)
            {
                errors.Add(new(field, Invariant($"{d:yyyy-MM-dd} is after day 1 of the cycle ({start:yyyy-MM-dd}); give the date the value was measured")));
            }
        }

        if (weighed is { } w && measured is { } h && age is { Years: < GrowingUntilYears } && w.DayNumber - h.DayNumber > 365)
        {
            errors.Add(new("heightMeasuredOn", Invariant($"the height was measured {w.DayNumber - h.DayNumber} days before the weight; a patient under {GrowingUntilYears} is still growing: measure the height again")));
        }
    }

    private static DateOnly? ReadDate(string field, string? text, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new(field, Invariant($"'{text}' is not a date; use YYYY-MM-DD")));
        return null;
    }

    private static DosePolicy ReadPolicy(DoseRequest request, List<FieldError> errors)
    {
        var policy = DosePolicy.Default;
        if (!string.IsNullOrWhiteSpace(request.BsaFormula))
        {
            if (BsaCalculator.TryParse(request.BsaFormula, out var formula))
            {
                policy = policy with { Formula = formula };
            }
            else
            {
                errors.Add(new("bsaFormula", Invariant($"'{request.BsaFormula}' is not a known formula; use mosteller, dubois, haycock, gehan-george or boyd")));
            }
        }

        if (request.BsaCap is { } cap)
        {
            if (cap is < 0.1m or > 4m)
            {
                errors.Add(new("bsaCap", Invariant($"{cap} m² is not a plausible BSA cap (0.1-4 m²)")));
            }
            else
            {
                policy = policy with { BsaCap = BodySurfaceArea.FromSquareMetres(cap) };
            }
        }

        if (request.DoseRoundingMg is { } increment)
        {
            // Below 0.01 mg no preparation can be measured, and dividing a dose by 1e-28 overflows.
            if (increment is < 0.01m or > 100m)
            {
                errors.Add(new("doseRoundingMg", Invariant($"{increment} mg is not a usable rounding increment (0.01 to 100 mg)")));
            }
            else
            {
                policy = policy with { RoundingIncrementMg = increment };
            }
        }

        return policy;
    }

    private static T? Checked<T>(string field, decimal value, Func<decimal, string?> problem, Func<decimal, T> create, List<FieldError> errors)
        where T : struct
    {
        var why = problem(value);
        return why is null ? create(value) : Fail<T>(errors, field, Invariant($"{value}: {why}"));
    }

    private static T? Fail<T>(List<FieldError> errors, string field, string message)
        where T : struct
    {
        errors.Add(new(field, message));
        return null;
    }
}
