using System.Globalization;
using Formulary.Clinical.Dosing;
using Formulary.Clinical.Patients;

namespace Formulary.Web.Pages.Dose;

/// <summary>
/// The dose form as the reader typed it (kept to refill the form). Converting to a
/// <see cref="DoseRequest"/> only reads numbers (invariant culture); a value that is not a number is
/// refused here with the field named, never turned into "missing". All clinical checks are the engine's.
/// </summary>
public sealed record DoseFormValues
{
    public string AgeYears { get; init; } = "";
    public string Sex { get; init; } = "";
    public string WeightKg { get; init; } = "";
    public string HeightCm { get; init; } = "";
    public string ScrMgDl { get; init; } = "";
    public string ScrUmolL { get; init; } = "";
    public string ScrUlnMgDl { get; init; } = "";
    public string Hepatic { get; init; } = "";
    public string Medications { get; init; } = "";
    public string StartDate { get; init; } = "";
    public string BsaFormula { get; init; } = "";
    public bool PriorToxicity { get; init; }
    public bool Pregnant { get; init; }
    public bool Breastfeeding { get; init; }
    public bool Hypersensitivity { get; init; }

    public static DoseFormValues Empty { get; } = new();

    public static DoseFormValues FromForm(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        string Text(string name) => form[name].ToString().Trim();
        bool Flag(string name) => form[name].Any(v => v is "on" or "true");
        return new DoseFormValues
        {
            AgeYears = Text("ageYears"),
            Sex = Text("sex"),
            WeightKg = Text("weightKg"),
            HeightCm = Text("heightCm"),
            ScrMgDl = Text("scrMgDl"),
            ScrUmolL = Text("scrUmolL"),
            ScrUlnMgDl = Text("scrUlnMgDl"),
            Hepatic = Text("hepatic"),
            Medications = Text("medications"),
            StartDate = Text("startDate"),
            BsaFormula = Text("bsaFormula"),
            PriorToxicity = Flag("priorToxicity"),
            Pregnant = Flag("pregnant"),
            Breastfeeding = Flag("breastfeeding"),
            Hypersensitivity = Flag("hypersensitivity"),
        };
    }

    public (DoseRequest? Request, IReadOnlyList<FieldError> Errors) ToRequest(string drug)
    {
        var errors = new List<FieldError>();
        decimal? Number(string field, string text)
        {
            if (text.Length == 0)
            {
                return null;
            }

            if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            errors.Add(new FieldError(field, $"'{text}' is not a number; enter digits with a '.' for decimals."));
            return null;
        }

        var request = new DoseRequest
        {
            Drug = drug,
            AgeYears = Number("ageYears", AgeYears),
            Sex = Blank(Sex),
            WeightKg = Number("weightKg", WeightKg),
            HeightCm = Number("heightCm", HeightCm),
            ScrMgDl = Number("scrMgDl", ScrMgDl),
            ScrUmolL = Number("scrUmolL", ScrUmolL),
            ScrUlnMgDl = Number("scrUlnMgDl", ScrUlnMgDl),
            Hepatic = Blank(Hepatic),
            Medications = Medications.Length == 0
                ? null
                : Medications.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            StartDate = Blank(StartDate),
            BsaFormula = Blank(BsaFormula),
            PriorToxicity = PriorToxicity,
            Pregnant = Pregnant,
            Breastfeeding = Breastfeeding,
            Hypersensitivity = Hypersensitivity,
        };
        return errors.Count > 0 ? (null, errors) : (request, errors);
    }

    private static string? Blank(string text) => text.Length == 0 ? null : text;
}
