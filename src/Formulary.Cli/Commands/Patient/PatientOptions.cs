using System.CommandLine;
using Formulary.Clinical.Patients;
using Formulary.Clinical.Quantities;

namespace Formulary.Cli.Commands.Patient;

/// <summary>
/// The patient and policy options shared by <c>dose</c> and <c>check</c>, read into a typed
/// <see cref="PatientInput"/>. Every value is taken as text and read by <see cref="PatientText"/>, the
/// one reading the form uses too: "10,5" is refused with a message, never read as 105.
/// </summary>
internal sealed class PatientOptions
{
    private readonly Option<string> drug = new("--drug") { Description = "The drug's slug, e.g. clofarabine.", Required = true };
    private readonly Option<string?> ageYears = Text("--age-years", "Age in years (fractions for infants, e.g. 0.5).");
    private readonly Option<string?> sex = Text("--sex", "female or male.");
    private readonly Option<string?> weightKg = Text("--weight-kg", "Body weight in kilograms.");
    private readonly Option<string?> weightLb = Text("--weight-lb", "Body weight in pounds (instead of --weight-kg).");
    private readonly Option<string?> weightDate = Text("--weight-date", "When the weight was measured, YYYY-MM-DD.");
    private readonly Option<string?> heightCm = Text("--height-cm", "Height in centimetres.");
    private readonly Option<string?> heightIn = Text("--height-in", "Height in inches (instead of --height-cm).");
    private readonly Option<string?> heightDate = Text("--height-date", "When the height was measured, YYYY-MM-DD (an old height in a growing patient is refused).");
    private readonly Option<string?> scrMgDl = Text("--scr-mg-dl", "Serum creatinine in mg/dL.");
    private readonly Option<string?> scrUmolL = Text("--scr-umol-l", "Serum creatinine in µmol/L (instead of --scr-mg-dl).");
    private readonly Option<string?> scrDate = Text("--scr-date", "When the creatinine was measured, YYYY-MM-DD.");
    private readonly Option<string?> scrUlnMgDl = Text("--scr-uln-mg-dl", "Your laboratory's upper limit of normal serum creatinine for the patient's age, mg/dL.");
    private readonly Option<string?> scrUlnUmolL = Text("--scr-uln-umol-l", "The same upper limit in µmol/L (instead of --scr-uln-mg-dl).");
    private readonly Option<string?> hepatic = Text("--hepatic", "Hepatic impairment: none, mild, moderate or severe (absent: not assessed, and the answer says so).");
    private readonly Option<string?> pregnant = Screen("--pregnant", "Pregnant: yes, no or not-asked (bare --pregnant means yes; absent: not asked).");
    private readonly Option<string?> breastfeeding = Screen("--breastfeeding", "Breastfeeding: yes, no or not-asked (bare means yes; absent: not asked).");
    private readonly Option<string?> hypersensitivity = Screen("--hypersensitivity", "Known hypersensitivity to the drug: yes, no or not-asked (bare means yes; absent: not asked).");
    private readonly Option<bool> priorToxicity = new("--prior-toxicity") { Description = "Significant toxicity in a previous cycle." };
    private readonly Option<bool> finalCycle = new("--final-cycle") { Description = "This is the final planned cycle (the contraception end date is then given)." };
    private readonly Option<string[]> medications = new("--med") { Description = "A concurrent medication (repeat for each)." };
    private readonly Option<string?> bsaFormula = Text("--bsa-formula", "mosteller (default), dubois, haycock, gehan-george or boyd.");
    private readonly Option<string?> bsaCap = Text("--bsa-cap", "Largest BSA (m²) a dose is computed from, 1.5-3.");
    private readonly Option<string?> rounding = Text("--dose-rounding-mg", "Round the daily dose to a multiple of this many mg, 0.01-50 (default 0.1).");
    private readonly Option<string?> roundingWarning = Text("--rounding-warn-percent", "Warn when rounding changes the dose by more than this %, 1-10 (default 10, HOPA).");
    private readonly Option<string?> startDate = Text("--start-date", "Day 1 of the cycle, YYYY-MM-DD (default: today, UTC).");

    public PatientOptions(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Option[] all =
        [
            drug, ageYears, sex, weightKg, weightLb, weightDate, heightCm, heightIn, heightDate, scrMgDl, scrUmolL, scrDate, scrUlnMgDl,
            scrUlnUmolL, hepatic, pregnant, breastfeeding, hypersensitivity, priorToxicity, finalCycle, medications, bsaFormula, bsaCap,
            rounding, roundingWarning, startDate,
        ];
        foreach (var option in all)
        {
            command.Options.Add(option);
        }
    }

    public string Drug(ParseResult result) => result.GetValue(drug) ?? string.Empty;

    /// <summary>The typed input, or the options that could not be read (each named by its field).</summary>
    public (PatientInput Input, IReadOnlyList<FieldError> Errors) Read(ParseResult result)
    {
        var reader = new TextFields();
        string? Get(Option<string?> option) => result.GetValue(option);
        var input = new PatientInput
        {
            AgeYears = reader.Number(PatientField.Age, Get(ageYears)),
            Sex = reader.Word<Sex>(PatientField.Sex, Get(sex), PatientText.TrySex),
            Weight = reader.OneOf(PatientField.Weight, "--weight-kg", Get(weightKg), Measure.Kilograms, "--weight-lb", Get(weightLb), Measure.Pounds, reader.Date(PatientField.WeightDate, Get(weightDate))),
            Height = reader.OneOf(PatientField.Height, "--height-cm", Get(heightCm), Measure.Centimetres, "--height-in", Get(heightIn), Measure.Inches, reader.Date(PatientField.HeightDate, Get(heightDate))),
            Creatinine = reader.OneOf(PatientField.Creatinine, "--scr-mg-dl", Get(scrMgDl), Measure.MgPerDl, "--scr-umol-l", Get(scrUmolL), Measure.MicromolPerLitre, reader.Date(PatientField.CreatinineDate, Get(scrDate))),
            CreatinineUpperLimit = reader.OneOf(PatientField.CreatinineUpperLimit, "--scr-uln-mg-dl", Get(scrUlnMgDl), Measure.MgPerDl, "--scr-uln-umol-l", Get(scrUlnUmolL), Measure.MicromolPerLitre, null),
            Hepatic = reader.Word<HepaticImpairment>(PatientField.Hepatic, Get(hepatic), PatientText.TryHepatic),
            Pregnant = ReadScreen(result, pregnant, PatientField.Pregnancy, reader),
            Breastfeeding = ReadScreen(result, breastfeeding, PatientField.Breastfeeding, reader),
            Hypersensitivity = ReadScreen(result, hypersensitivity, PatientField.Hypersensitivity, reader),
            PriorToxicity = result.GetValue(priorToxicity),
            FinalCycle = result.GetValue(finalCycle),
            Medications = result.GetValue(medications) ?? [],
            StartDate = reader.Date(PatientField.StartDate, Get(startDate)),
            Policy = new PolicyInput
            {
                BsaFormula = reader.Word<Clinical.Calculators.BsaFormula>(PatientField.BsaFormula, Get(bsaFormula), PatientText.TryFormula),
                BsaCapM2 = reader.Number(PatientField.BsaCap, Get(bsaCap)),
                RoundingIncrementMg = reader.Number(PatientField.RoundingIncrement, Get(rounding)),
                RoundingWarningPercent = reader.Number(PatientField.RoundingWarningPercent, Get(roundingWarning)),
            },
        };
        return (input, reader.Errors);
    }

    /// <summary>The option a field is given with, for messages (<c>--weight-kg</c>).</summary>
    public static string OptionName(PatientField field) => field switch
    {
        PatientField.Age => "--age-years",
        PatientField.Sex => "--sex",
        PatientField.Weight => "--weight-kg/--weight-lb",
        PatientField.WeightDate => "--weight-date",
        PatientField.Height => "--height-cm/--height-in",
        PatientField.HeightDate => "--height-date",
        PatientField.Creatinine => "--scr-mg-dl/--scr-umol-l",
        PatientField.CreatinineDate => "--scr-date",
        PatientField.CreatinineUpperLimit => "--scr-uln-mg-dl/--scr-uln-umol-l",
        PatientField.Hepatic => "--hepatic",
        PatientField.Pregnancy => "--pregnant",
        PatientField.Breastfeeding => "--breastfeeding",
        PatientField.Hypersensitivity => "--hypersensitivity",
        PatientField.PriorToxicity => "--prior-toxicity",
        PatientField.FinalCycle => "--final-cycle",
        PatientField.Medications => "--med",
        PatientField.StartDate => "--start-date",
        PatientField.BsaFormula => "--bsa-formula",
        PatientField.BsaCap => "--bsa-cap",
        PatientField.RoundingIncrement => "--dose-rounding-mg",
        PatientField.RoundingWarningPercent => "--rounding-warn-percent",
        _ => field.ToString(),
    };

    private static ScreenAnswer ReadScreen(ParseResult result, Option<string?> option, PatientField field, TextFields reader)
    {
        if (result.GetResult(option) is not { } given)
        {
            return ScreenAnswer.NotAsked;
        }

        return given.Tokens.Count == 0 ? ScreenAnswer.Yes : reader.Word<ScreenAnswer>(field, given.Tokens[0].Value, PatientText.TryScreen) ?? ScreenAnswer.NotAsked;
    }

    private static Option<string?> Text(string name, string description) => new(name) { Description = description };

    private static Option<string?> Screen(string name, string description) => new(name) { Description = description, Arity = ArgumentArity.ZeroOrOne };
}
