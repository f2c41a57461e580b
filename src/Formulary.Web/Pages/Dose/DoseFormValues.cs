using Formulary.Clinical.Calculators;
using Formulary.Clinical.Patients;
using Formulary.Clinical.Quantities;

namespace Formulary.Web.Pages.Dose;

/// <summary>
/// The dose form as the reader typed it (kept to refill the form). Converting to a
/// <see cref="PatientInput"/> reads every value with <see cref="TextFields"/>, as the CLI does: a comma
/// in a number, a word that is not an option or a malformed date is refused with the field named,
/// never turned into "missing". All clinical checks are the engine's.
/// </summary>
public sealed record DoseFormValues
{
    public string AgeYears { get; init; } = "";
    public string Sex { get; init; } = "";
    public string WeightKg { get; init; } = "";
    public string WeightDate { get; init; } = "";
    public string HeightCm { get; init; } = "";
    public string HeightDate { get; init; } = "";
    public string ScrMgDl { get; init; } = "";
    public string ScrUmolL { get; init; } = "";
    public string ScrDate { get; init; } = "";
    public string ScrUlnMgDl { get; init; } = "";
    public string Hepatic { get; init; } = "";
    public string Pregnant { get; init; } = "";
    public string Breastfeeding { get; init; } = "";
    public string Hypersensitivity { get; init; } = "";
    public string Medications { get; init; } = "";
    public string StartDate { get; init; } = "";
    public string BsaFormula { get; init; } = "";
    public bool PriorToxicity { get; init; }
    public bool FinalCycle { get; init; }

    /// <summary>
    /// The single-valued fields the form or query gave more than once (<c>?ageYears=10&amp;ageYears=11</c>): each is
    /// refused by name, not read (joined, "10,11" was refused as a number with a comma); medications may repeat.
    /// </summary>
    public IReadOnlyList<string> Repeated { get; init; } = [];

    public static DoseFormValues Empty { get; } = new();

    public static DoseFormValues FromForm(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        // A repeated single-valued field with an input of its own is refused by name (ToInput); any other keeps its joined
        // text: medications may repeat (each is one), and a repeated field without an input is refused as unreadable.
        bool IsRepeated(string name) => form[name].Count > 1 && name != "medications" && FieldOf(name) is not null;
        string Text(string name) => IsRepeated(name) ? string.Empty : form[name].ToString().Trim();
        bool Flag(string name) => form[name].Any(v => v is "on" or "true");
        return new DoseFormValues
        {
            Repeated = [.. form.Keys.Where(IsRepeated).Order(StringComparer.Ordinal)],
            AgeYears = Text("ageYears"),
            Sex = Text("sex"),
            WeightKg = Text("weightKg"),
            WeightDate = Text("weightDate"),
            HeightCm = Text("heightCm"),
            HeightDate = Text("heightDate"),
            ScrMgDl = Text("scrMgDl"),
            ScrUmolL = Text("scrUmolL"),
            ScrDate = Text("scrDate"),
            ScrUlnMgDl = Text("scrUlnMgDl"),
            Hepatic = Text("hepatic"),
            Pregnant = Text("pregnant"),
            Breastfeeding = Text("breastfeeding"),
            Hypersensitivity = Text("hypersensitivity"),
            Medications = Text("medications"),
            StartDate = Text("startDate"),
            BsaFormula = Text("bsaFormula"),
            PriorToxicity = Flag("priorToxicity"),
            FinalCycle = Flag("finalCycle"),
        };
    }

    public (PatientInput Input, IReadOnlyList<FieldError> Errors) ToInput()
    {
        var fields = new TextFields();
        foreach (var name in Repeated)
        {
            fields.Refuse(FieldOf(name)!.Value, "is given more than once; give it once (which value was meant cannot be told)");
        }

        var input = new PatientInput
        {
            AgeYears = fields.Number(PatientField.Age, AgeYears),
            Sex = fields.Word<Sex>(PatientField.Sex, Sex, PatientText.TrySex),
            Weight = fields.OneOf(PatientField.Weight, "weight (kg)", WeightKg, Measure.Kilograms, "weight (lb)", null, Measure.Pounds, fields.Date(PatientField.WeightDate, WeightDate)),
            Height = fields.OneOf(PatientField.Height, "height (cm)", HeightCm, Measure.Centimetres, "height (in)", null, Measure.Inches, fields.Date(PatientField.HeightDate, HeightDate)),
            Creatinine = fields.OneOf(PatientField.Creatinine, "creatinine (mg/dL)", ScrMgDl, Measure.MgPerDl, "creatinine (µmol/L)", ScrUmolL, Measure.MicromolPerLitre, fields.Date(PatientField.CreatinineDate, ScrDate)),
            CreatinineUpperLimit = fields.Number(PatientField.CreatinineUpperLimit, ScrUlnMgDl) is { } uln ? Measure.MgPerDl(uln) : null,
            Hepatic = Hepatic == NotAssessed ? null : fields.Word<HepaticImpairment>(PatientField.Hepatic, Hepatic, PatientText.TryHepatic),
            Pregnant = fields.Word<ScreenAnswer>(PatientField.Pregnancy, Pregnant, PatientText.TryScreen) ?? ScreenAnswer.NotAsked,
            Breastfeeding = fields.Word<ScreenAnswer>(PatientField.Breastfeeding, Breastfeeding, PatientText.TryScreen) ?? ScreenAnswer.NotAsked,
            Hypersensitivity = fields.Word<ScreenAnswer>(PatientField.Hypersensitivity, Hypersensitivity, PatientText.TryScreen) ?? ScreenAnswer.NotAsked,
            PriorToxicity = PriorToxicity,
            FinalCycle = FinalCycle,
            Medications = Medications.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            StartDate = fields.Date(PatientField.StartDate, StartDate),
            Policy = new PolicyInput { BsaFormula = fields.Word<BsaFormula>(PatientField.BsaFormula, BsaFormula, PatientText.TryFormula) },
        };
        return (input, fields.Errors);
    }

    /// <summary>The hepatic select's explicit "not assessed" answer.</summary>
    public const string NotAssessed = "not-assessed";

    /// <summary>The ids of the form inputs a refusal of <paramref name="field"/> is about (none for what the form does not ask).</summary>
    public static IReadOnlyList<string> InputsOf(PatientField field) => field switch
    {
        PatientField.Age => ["ageYears"],
        PatientField.Sex => ["sex"],
        PatientField.Weight => ["weightKg"],
        PatientField.WeightDate => ["weightDate"],
        PatientField.Height => ["heightCm"],
        PatientField.HeightDate => ["heightDate"],
        PatientField.Creatinine => ["scrMgDl", "scrUmolL"],
        PatientField.CreatinineDate => ["scrDate"],
        PatientField.CreatinineUpperLimit => ["scrUlnMgDl"],
        PatientField.Hepatic => ["hepatic"],
        PatientField.Pregnancy => ["pregnant"],
        PatientField.Breastfeeding => ["breastfeeding"],
        PatientField.Hypersensitivity => ["hypersensitivity"],
        PatientField.Medications => ["medications"],
        PatientField.StartDate => ["startDate"],
        _ => [],
    };

    /// <summary>The field a form input is about (null: an input the dose form does not have).</summary>
    private static PatientField? FieldOf(string input) =>
        Enum.GetValues<PatientField>().Where(f => InputsOf(f).Contains(input, StringComparer.Ordinal)).Select(f => (PatientField?)f).FirstOrDefault();

    /// <summary>The form label of a field, for the refusal list.</summary>
    public static string Label(PatientField field) => field switch
    {
        PatientField.Age => "Age (years)",
        PatientField.Weight => "Weight (kg)",
        PatientField.WeightDate => "Weight measured on",
        PatientField.Height => "Height (cm)",
        PatientField.HeightDate => "Height measured on",
        PatientField.Creatinine => "Serum creatinine",
        PatientField.CreatinineDate => "Creatinine measured on",
        PatientField.CreatinineUpperLimit => "Creatinine ULN for age (mg/dL)",
        PatientField.Pregnancy => "Pregnant",
        PatientField.StartDate => "Cycle day 1",
        PatientField.BsaFormula => "BSA formula",
        _ => field.ToString(),
    };
}
