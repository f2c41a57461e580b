using System.CommandLine;
using Formulary.Clinical.Dosing;

namespace Formulary.Cli.Commands.Patient;

/// <summary>
/// The patient and policy options shared by <c>dose</c> and <c>check</c>, read into the engine's
/// <see cref="DoseRequest"/>. Values are passed through as given: the engine validates them and
/// names each bad field, exactly as the JSON API does.
/// </summary>
internal sealed class PatientOptions
{
    private readonly Option<string> drug = new("--drug") { Description = "The drug's slug, e.g. clofarabine.", Required = true };
    private readonly Option<decimal?> ageYears = new("--age-years") { Description = "Age in years (fractions for infants, e.g. 0.5)." };
    private readonly Option<string?> sex = new("--sex") { Description = "female or male." };
    private readonly Option<decimal?> weightKg = new("--weight-kg") { Description = "Body weight in kilograms." };
    private readonly Option<decimal?> weightLb = new("--weight-lb") { Description = "Body weight in pounds (instead of --weight-kg)." };
    private readonly Option<decimal?> heightCm = new("--height-cm") { Description = "Height in centimetres." };
    private readonly Option<decimal?> heightIn = new("--height-in") { Description = "Height in inches (instead of --height-cm)." };
    private readonly Option<decimal?> scrMgDl = new("--scr-mg-dl") { Description = "Serum creatinine in mg/dL." };
    private readonly Option<decimal?> scrUmolL = new("--scr-umol-l") { Description = "Serum creatinine in µmol/L (instead of --scr-mg-dl)." };
    private readonly Option<decimal?> scrUln = new("--scr-uln-mg-dl") { Description = "Upper limit of normal serum creatinine for the patient's age, mg/dL (from your laboratory)." };
    private readonly Option<string?> hepatic = new("--hepatic") { Description = "Hepatic impairment: none, mild, moderate or severe." };
    private readonly Option<bool> priorToxicity = new("--prior-toxicity") { Description = "Significant toxicity in a previous cycle." };
    private readonly Option<bool> pregnant = new("--pregnant") { Description = "The patient is pregnant." };
    private readonly Option<bool> breastfeeding = new("--breastfeeding") { Description = "The patient is breastfeeding." };
    private readonly Option<bool> hypersensitivity = new("--hypersensitivity") { Description = "Known hypersensitivity to the drug." };
    private readonly Option<string[]> medications = new("--med") { Description = "A concurrent medication (repeat for each)." };
    private readonly Option<string?> bsaFormula = new("--bsa-formula") { Description = "mosteller (default), dubois, haycock, gehan-george or boyd." };
    private readonly Option<decimal?> bsaCap = new("--bsa-cap") { Description = "Largest BSA (m²) a dose is computed from." };
    private readonly Option<decimal?> rounding = new("--dose-rounding-mg") { Description = "Round the daily dose to a multiple of this many mg (default 0.1)." };
    private readonly Option<string?> weightDate = new("--weight-date") { Description = "When the weight was measured, YYYY-MM-DD." };
    private readonly Option<string?> heightDate = new("--height-date") { Description = "When the height was measured, YYYY-MM-DD (an old height in a growing patient is refused)." };
    private readonly Option<string?> startDate = new("--start-date") { Description = "Day 1 of the cycle, YYYY-MM-DD (default: today, UTC)." };

    public PatientOptions(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Option[] all =
        [
            drug, ageYears, sex, weightKg, weightLb, heightCm, heightIn, scrMgDl, scrUmolL, scrUln, hepatic, priorToxicity,
            pregnant, breastfeeding, hypersensitivity, medications, bsaFormula, bsaCap, rounding, weightDate, heightDate, startDate,
        ];
        foreach (var option in all)
        {
            command.Options.Add(option);
        }
    }

    public DoseRequest Read(ParseResult result) => new()
    {
        Drug = result.GetValue(drug),
        AgeYears = result.GetValue(ageYears),
        Sex = result.GetValue(sex),
        WeightKg = result.GetValue(weightKg),
        WeightLb = result.GetValue(weightLb),
        HeightCm = result.GetValue(heightCm),
        HeightIn = result.GetValue(heightIn),
        ScrMgDl = result.GetValue(scrMgDl),
        ScrUmolL = result.GetValue(scrUmolL),
        ScrUlnMgDl = result.GetValue(scrUln),
        Hepatic = result.GetValue(hepatic),
        PriorToxicity = result.GetValue(priorToxicity),
        Pregnant = result.GetValue(pregnant),
        Breastfeeding = result.GetValue(breastfeeding),
        Hypersensitivity = result.GetValue(hypersensitivity),
        Medications = result.GetValue(medications) ?? [],
        BsaFormula = result.GetValue(bsaFormula),
        BsaCap = result.GetValue(bsaCap),
        DoseRoundingMg = result.GetValue(rounding),
        WeightMeasuredOn = result.GetValue(weightDate),
        HeightMeasuredOn = result.GetValue(heightDate),
        StartDate = result.GetValue(startDate),
    };
}
