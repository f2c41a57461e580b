using Formulary.Clinical.Dosing;
using Formulary.Clinical.Quantities;
using Formulary.Clinical.References;

namespace Formulary.Clinical.Patients;

/// <summary>
/// Weight and height: refused outside the hard plausibility limits (<see cref="PlausibleRanges"/>),
/// warned outside the 3rd-97th percentile for age and sex (<see cref="GrowthCharts"/>), naming the likely unit confusion and the value it
/// would convert to ("70.5 kg at 10 years: if this was pounds, 32.0 kg").
/// </summary>
internal static class BodyReader
{
    public static BodyWeight? ReadWeight(Measurement<MassUnit>? entered, Age? age, Sex? sex, bool required, ReadErrors errors, List<AnswerAlert> warnings)
    {
        if (entered is null)
        {
            return required ? errors.Fail<BodyWeight>(PatientField.Weight, "is missing; the body weight (kg or lb) is needed") : null;
        }

        var weight = entered.Unit == MassUnit.Pound
            ? errors.Checked(PatientField.Weight, entered.Value, BodyWeight.ProblemInPounds, BodyWeight.FromPounds)
            : errors.Checked(PatientField.Weight, entered.Value, BodyWeight.Problem, BodyWeight.FromKilograms);
        if (weight is not { } w || age is not { } a)
        {
            return weight;
        }

        var (min, max) = PlausibleRanges.WeightKg(a);
        if (w.Kilograms < min || w.Kilograms > max)
        {
            return errors.Fail<BodyWeight>(PatientField.Weight, Invariant($"{w.Kilograms:0.##} kg is implausible for age {a.Years:0.##} years (plausible {min}-{max} kg); check the value and its unit (pounds entered as kilograms?)"));
        }

        if (PlausibleRanges.WeightPercentilesKg(a, sex) is var (p3, p97) && (w.Kilograms < p3 || w.Kilograms > p97))
        {
            var other = (entered.Unit, w.Kilograms > p97) switch
            {
                (MassUnit.Kilogram, true) => Invariant($": if this was pounds, {entered.Value * BodyWeight.KilogramsPerPound:0.0} kg"),
                (MassUnit.Pound, false) => Invariant($": if this was kilograms, {entered.Value:0.0} kg"),
                _ => ": check the value and its unit",
            };
            warnings.Add(Warning(AlertCodes.WeightPercentile, Invariant($"{w.Kilograms:0.0} kg at {a.Years:0.##} years is {(w.Kilograms > p97 ? "above the 97th" : "below the 3rd")} percentile for {Of(sex)} of that age ({p3}-{p97} kg){other}. The dose uses {w.Kilograms:0.0} kg as entered.")));
        }

        return weight;
    }

    public static Height? ReadHeight(Measurement<LengthUnit>? entered, Age? age, Sex? sex, bool required, ReadErrors errors, List<AnswerAlert> warnings)
    {
        if (entered is null)
        {
            return required ? errors.Fail<Height>(PatientField.Height, "is missing; the height (cm or in) is needed") : null;
        }

        var height = entered.Unit == LengthUnit.Inch
            ? errors.Checked(PatientField.Height, entered.Value, Height.ProblemInInches, Height.FromInches)
            : errors.Checked(PatientField.Height, entered.Value, Height.Problem, Height.FromCentimetres);
        if (height is not { } h || age is not { } a)
        {
            return height;
        }

        var (min, max) = PlausibleRanges.HeightCm(a);
        if (h.Centimetres < min || h.Centimetres > max)
        {
            return errors.Fail<Height>(PatientField.Height, Invariant($"{h.Centimetres:0.##} cm is implausible for age {a.Years:0.##} years (plausible {min}-{max} cm); check the value and its unit (inches entered as centimetres?)"));
        }

        if (PlausibleRanges.HeightPercentilesCm(a, sex) is var (p3, p97) && (h.Centimetres < p3 || h.Centimetres > p97))
        {
            var other = (entered.Unit, h.Centimetres < p3) switch
            {
                (LengthUnit.Centimetre, true) => Invariant($": if this was inches, {entered.Value * Height.CentimetresPerInch:0.0} cm"),
                (LengthUnit.Inch, false) => Invariant($": if this was centimetres, {entered.Value:0.0} cm"),
                _ => ": check the value and its unit",
            };
            warnings.Add(Warning(AlertCodes.HeightPercentile, Invariant($"{h.Centimetres:0.0} cm at {a.Years:0.##} years is {(h.Centimetres > p97 ? "above the 97th" : "below the 3rd")} percentile for {Of(sex)} of that age ({p3}-{p97} cm){other}. The dose uses {h.Centimetres:0.0} cm as entered.")));
        }

        return height;
    }

    /// <summary>Refuses a weight and height that cannot belong to one person; warns outside the BMI-for-age percentiles.</summary>
    public static void CheckBodyMassIndex(BodyWeight? weight, Height? height, Age? age, Sex? sex, ReadErrors errors, List<AnswerAlert> warnings)
    {
        if (weight is not { } w || height is not { } h)
        {
            return;
        }

        var bmi = w.Kilograms / (h.Metres * h.Metres);
        var (min, max) = PlausibleRanges.BodyMassIndex;
        if (bmi < min || bmi > max)
        {
            errors.Add(PatientField.Weight, Invariant($"weight {w} and height {h} give a body mass index of {bmi:0.#} kg/m², outside {min}-{max}: they cannot belong to the same person; check both values and units"));
            return;
        }

        if (age is { } a && PlausibleRanges.BodyMassIndexPercentiles(a, sex) is var (p3, p97) && (bmi < p3 || bmi > p97))
        {
            warnings.Add(Warning(AlertCodes.BodyMassIndexPercentile, Invariant($"Body mass index {bmi:0.0} kg/m² ({w}, {h}) is {(bmi > p97 ? "above the 97th" : "below the 3rd")} percentile for {BodyMassIndexBand(a, sex)} ({p3}-{p97} kg/m²): {(bmi > p97 ? "weight in pounds or height in inches entered as kg / cm?" : "check weight and height and their units")}")));
        }
    }

    /// <summary>Which band was used: girls', boys', or the widest of both when the sex is not known.</summary>
    private static string Of(Sex? sex) => sex switch
    {
        Sex.Male => "boys",
        Sex.Female => "girls",
        _ => "girls and boys (sex not given)",
    };

    /// <summary>The body mass index band used: the age's, or for adults the charts' last (20-year) band.</summary>
    private static string BodyMassIndexBand(Age age, Sex? sex) => age.Years < GrowthCharts.AdultFromYears
        ? Invariant($"{Of(sex)} of {age.Years:0.##} years")
        : sex switch
        {
            Sex.Male => "men (the charts' 20-year band)",
            Sex.Female => "women (the charts' 20-year band)",
            _ => "adults (the charts' 20-year band, women and men: sex not given)",
        };

    private static AnswerAlert Warning(string code, string message) => new(AlertSeverity.Warning, code, message, null, MethodReferences.GrowthCharts);
}
