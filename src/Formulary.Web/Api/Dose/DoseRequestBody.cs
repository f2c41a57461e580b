using Formulary.Clinical.Calculators;
using Formulary.Clinical.Patients;
using Formulary.Clinical.Quantities;

namespace Formulary.Web.Api.Dose;

/// <summary>
/// The JSON body of <c>POST /api/dose</c> and <c>/api/check</c>: real types only (numbers are JSON
/// numbers, enumerations are closed string sets, dates are <c>YYYY-MM-DD</c>); unknown or repeated
/// properties are refused before this is read (<see cref="DoseRequestJson"/>). The three screens are
/// <c>true</c>, <c>false</c> or absent (not asked).
/// </summary>
internal sealed record DoseRequestBody
{
    /// <summary>The drug's slug, e.g. clofarabine.</summary>
    public string? Drug { get; init; }

    /// <summary>Age in years, fractional for infants.</summary>
    public decimal? AgeYears { get; init; }

    public Sex? Sex { get; init; }
    public decimal? WeightKg { get; init; }
    public decimal? WeightLb { get; init; }
    public DateOnly? WeightMeasuredOn { get; init; }
    public decimal? HeightCm { get; init; }
    public decimal? HeightIn { get; init; }
    public DateOnly? HeightMeasuredOn { get; init; }
    public decimal? ScrMgDl { get; init; }
    public decimal? ScrUmolL { get; init; }
    public DateOnly? ScrMeasuredOn { get; init; }

    /// <summary>The laboratory's upper limit of normal serum creatinine for the patient's age, mg/dL.</summary>
    public decimal? ScrUlnMgDl { get; init; }

    /// <summary>The same, in µmol/L.</summary>
    public decimal? ScrUlnUmolL { get; init; }

    /// <summary>Absent: not assessed (the answer says so).</summary>
    public HepaticImpairment? Hepatic { get; init; }

    /// <summary>true, false, or absent (not asked: the answer warns that the screen was not done).</summary>
    public bool? Pregnant { get; init; }

    public bool? Breastfeeding { get; init; }

    /// <summary>Known hypersensitivity to the drug.</summary>
    public bool? Hypersensitivity { get; init; }

    public bool PriorToxicity { get; init; }

    /// <summary>This is the final planned cycle (the contraception end date is then given).</summary>
    public bool FinalCycle { get; init; }

    public IReadOnlyList<string>? Medications { get; init; }

    /// <summary>Day 1 of the cycle; absent means today.</summary>
    public DateOnly? StartDate { get; init; }

    public BsaFormula? BsaFormula { get; init; }

    /// <summary>Largest BSA a dose is computed from, m² (1.5-3).</summary>
    public decimal? BsaCap { get; init; }

    /// <summary>Rounding increment, mg (0.01-50; default 0.1).</summary>
    public decimal? DoseRoundingMg { get; init; }

    /// <summary>Warn when rounding changes the dose by more than this %, 1-10 (default 10).</summary>
    public decimal? RoundingWarnPercent { get; init; }

    public (PatientInput Input, IReadOnlyList<FieldError> Errors) ToInput()
    {
        var errors = new List<FieldError>();
        Measurement<TUnit>? OneOf<TUnit>(PatientField field, decimal? first, Func<decimal, DateOnly?, Measurement<TUnit>> inFirst, decimal? second, Func<decimal, DateOnly?, Measurement<TUnit>> inSecond, DateOnly? on)
            where TUnit : struct, Enum
        {
            if (first is not null && second is not null)
            {
                errors.Add(new(field, $"is given in two units ({DoseRequestJson.PropertyFor(field, this)} and its alternative); give it once"));
                return null;
            }

            return first is { } a ? inFirst(a, on) : second is { } b ? inSecond(b, on) : null;
        }

        var input = new PatientInput
        {
            AgeYears = AgeYears,
            Sex = Sex,
            Weight = OneOf(PatientField.Weight, WeightKg, Measure.Kilograms, WeightLb, Measure.Pounds, WeightMeasuredOn),
            Height = OneOf(PatientField.Height, HeightCm, Measure.Centimetres, HeightIn, Measure.Inches, HeightMeasuredOn),
            Creatinine = OneOf(PatientField.Creatinine, ScrMgDl, Measure.MgPerDl, ScrUmolL, Measure.MicromolPerLitre, ScrMeasuredOn),
            CreatinineUpperLimit = OneOf(PatientField.CreatinineUpperLimit, ScrUlnMgDl, Measure.MgPerDl, ScrUlnUmolL, Measure.MicromolPerLitre, null),
            Hepatic = Hepatic,
            Pregnant = Screen(Pregnant),
            Breastfeeding = Screen(Breastfeeding),
            Hypersensitivity = Screen(Hypersensitivity),
            PriorToxicity = PriorToxicity,
            FinalCycle = FinalCycle,
            Medications = Medications ?? [],
            StartDate = StartDate,
            Policy = new PolicyInput { BsaFormula = BsaFormula, BsaCapM2 = BsaCap, RoundingIncrementMg = DoseRoundingMg, RoundingWarningPercent = RoundingWarnPercent },
        };
        return (input, errors);
    }

    private static ScreenAnswer Screen(bool? answer) => answer switch
    {
        true => ScreenAnswer.Yes,
        false => ScreenAnswer.No,
        null => ScreenAnswer.NotAsked,
    };
}
