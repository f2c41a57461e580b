using System.Globalization;
using System.Text;
using Formulary.Clinical.Patients;
using Formulary.Clinical.Profiles;
using Formulary.Clinical.Quantities;
using Formulary.Clinical.References;
using Formulary.Clinical.Regimens;

namespace Formulary.Clinical.Dosing;

/// <summary>
/// The single entry for patient-specific answers (CLI, JSON API, pages). Immutable and thread-safe:
/// build once and share; time comes only from the injected <see cref="TimeProvider"/> (for the
/// default start date), so the same request on the same day gives the same answer, byte for byte.
/// </summary>
public sealed class DoseEngine
{
    private readonly TimeProvider _time;

    public DoseEngine(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>A dose answer: refused, contraindicated, withheld (with critical alerts saying why) or ok with the dose.</summary>
    public DoseAnswer Dose(PatientInput input, DrugProfile profile)
    {
        var (assessment, refused) = Assess(input, profile, forDose: true);
        if (assessment is null)
        {
            return refused!;
        }

        var (patient, policy, answer, regimen, renal) = assessment;
        if (answer.Contraindicated)
        {
            return Contraindicated(profile, renal, answer);
        }

        var computed = answer.WithheldBecause is null && profile.Dosing is { } dosing
            ? RegimenCalculator.Compute(patient, dosing, renal, policy, answer)
            : null;
        if (computed is { Refusals.Count: > 0 })
        {
            return Refused(profile, computed.Refusals);
        }

        var regimens = computed?.Doses ?? [];
        if (regimen is null || answer.WithheldBecause is not null)
        {
            return regimens.Count > 0 && answer.WithheldBecause is null
                ? Base(AnswerStatus.Ok, profile, renal, answer, regimen) with { Monitoring = profile.Monitoring, StopCriteria = profile.StopCriteria, Regimens = regimens }
                : Withheld(profile, renal, answer, regimen);
        }

        ApplyToxicity(patient, profile, answer);
        SmallPatient(patient, profile, regimen, answer);
        var dose = DoseCalculation.Compute(patient, regimen, policy, answer.Adjustments, answer);
        if (dose.Rounded is not { } rounded)
        {
            return Refused(profile, [new(PatientField.RoundingIncrement, DoseRounding.ZeroMessage(dose.Calculated, policy))]);
        }

        var days = Schedule.Days(patient.StartDate, regimen.Days);
        if (regimen.Days is null)
        {
            answer.Alert(AlertSeverity.Warning, AlertCodes.ScheduleNotStated, Invariant($"The monograph does not state how many days the '{regimen.Label}' regimen is given, so no cycle total or calendar is computed."), regimen.Source);
        }

        var total = regimen.Days is { } n ? rounded.Milligrams * n : (decimal?)null;
        if (total is { } t)
        {
            answer.Step(Invariant($"Cycle total = {rounded.Milligrams} mg × {regimen.Days} days = {t} mg."));
        }

        var nextCycle = Schedule.Next(patient.StartDate, regimen, answer);
        var contraception = Schedule.Contraception(patient, profile, days.Count > 0 ? days[^1].Date : null, answer);
        return Base(AnswerStatus.Ok, profile, renal, answer, regimen) with
        {
            BsaM2 = dose.Bsa?.SquareMetres,
            BsaFormula = dose.Bsa is null ? null : policy.Formula,
            BsaCapped = dose.UncappedBsa is not null,
            UncappedBsaM2 = dose.UncappedBsa?.SquareMetres,
            UncappedDosePerDayMg = dose.Uncapped?.Milligrams,
            UnadjustedDosePerDayMg = dose.Unadjusted.Milligrams,
            CalculatedDoseMg = WithoutTrailingZeros(Math.Round(dose.Calculated.Milligrams, 4, MidpointRounding.AwayFromZero)),
            RoundingIncrementMg = policy.RoundingIncrementMg,
            RoundedDoseMg = rounded.Milligrams,
            PercentChange = dose.PercentChange,
            DosePerDayMg = rounded.Milligrams,
            Days = regimen.Days,
            CycleTotalMg = total,
            InfusionHours = regimen.InfusionHours,
            InfusionNote = InfusionNote(patient, profile),
            CycleDays = days,
            NextCycle = nextCycle,
            Contraception = contraception,
            Monitoring = profile.Monitoring,
            StopCriteria = profile.StopCriteria,
        };
    }

    /// <summary>Screening only: contraindications, indication, renal and hepatic status, interactions; no dose.</summary>
    public DoseAnswer Check(PatientInput input, DrugProfile profile)
    {
        var (assessment, refused) = Assess(input, profile, forDose: false);
        if (assessment is null)
        {
            return refused!;
        }

        if (assessment.Answer.Contraindicated)
        {
            return Contraindicated(profile, assessment.Renal, assessment.Answer);
        }

        return assessment.Answer.WithheldBecause is not null
            ? Withheld(profile, assessment.Renal, assessment.Answer, assessment.Regimen)
            : Base(AnswerStatus.Ok, profile, assessment.Renal, assessment.Answer, assessment.Regimen) with { Monitoring = profile.Monitoring, StopCriteria = profile.StopCriteria };
    }

    /// <summary>What dose and check share: read and validate the patient, screen, assess kidney function.</summary>
    private (Assessment? Assessment, DoseAnswer? Refused) Assess(PatientInput input, DrugProfile profile, bool forDose)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(profile);
        var reading = PatientReader.Read(input, Today(), forDose);
        if (reading.Patient is not { } patient || reading.IsRefused)
        {
            return (null, Refused(profile, reading.Errors));
        }

        var answer = new AnswerBuilder();
        if (!profile.Review.IsReviewed)
        {
            answer.Alert(AlertSeverity.Critical, AlertCodes.DraftRules, DraftRulesMessage, MethodReferences.DraftRules);
        }

        Describe(patient, input, reading.Policy, answer);
        foreach (var warning in reading.Warnings)
        {
            answer.Add(warning);
        }

        var regimen = Screening.Screen(patient, profile, answer);
        var renal = RenalAssessment.Assess(patient, profile, answer);
        return (new Assessment(patient, reading.Policy, answer, regimen, renal), null);
    }

    /// <summary>35.8800 → 35.88: the same number, written as a person would.</summary>
    private static decimal WithoutTrailingZeros(decimal value) =>
        decimal.Parse(value.ToString("G29", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);

    private DateOnly Today() => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);

    /// <summary>
    /// The patient as the engine reads them: each value as used, with the value as entered and its conversion when the unit
    /// was another (70.5 lb × 0.45359237 kg/lb) and the day it was measured when given, so the answer can be matched to the chart.
    /// </summary>
    private static void Describe(Patient patient, PatientInput input, DosePolicy policy, AnswerBuilder answer)
    {
        // One builder for the line (the thread's, as for the card's detail): it is written for every answer.
        var invariant = CultureInfo.InvariantCulture;
        var text = ThreadTextBuilder.Take(512).Append(invariant, $"Patient: age {patient.Age}, {Lower(patient.Sex)}, weight ");
        AppendShown(text, patient.Weight, input.Weight, MassUnit.Pound, FromPounds);
        AppendShown(text.Append(", height "), patient.Height, input.Height, LengthUnit.Inch, FromInches);
        AppendShown(text.Append(", serum creatinine "), patient.Creatinine, input.Creatinine, CreatinineUnit.MicromolPerLitre, FromMicromol);
        if (patient.CreatinineUpperLimit is not null)
        {
            AppendShown(text.Append(" (laboratory ULN "), patient.CreatinineUpperLimit, input.CreatinineUpperLimit, CreatinineUnit.MicromolPerLitre, FromMicromol);
            text.Append(')');
        }

        text.Append(invariant, $", hepatic impairment {(patient.Hepatic is { } h ? Lower(h) : "not assessed")}; pregnant {Lower(patient.Pregnant)}, breastfeeding {Lower(patient.Breastfeeding)}, hypersensitivity {Lower(patient.Hypersensitivity)}; day 1 {patient.StartDate:yyyy-MM-dd}{(patient.FinalCycle ? " (final cycle)" : string.Empty)}. Policy: BSA {Calculators.BsaCalculator.WireName(policy.Formula)}");
        if (policy.BsaCap is { } cap)
        {
            text.Append(invariant, $", cap {cap.SquareMetres:0.00} m²");
        }

        answer.Step(ThreadTextBuilder.Finish(text.Append(invariant, $", rounding to {policy.RoundingIncrementMg} mg, warning beyond {policy.RoundingWarningPercent}%.")));
    }

    private static string Lower<T>(T value)
        where T : struct, Enum => value switch
        {
            ScreenAnswer.NotAsked => "not asked",
            _ => value.LowerCase(),
        };

    private static readonly string FromPounds = Invariant($"lb × {BodyWeight.KilogramsPerPound} kg/lb");
    private static readonly string FromInches = Invariant($"in × {Height.CentimetresPerInch} cm/in");
    private static readonly string FromMicromol = Invariant($"µmol/L ÷ {SerumCreatinine.MicromolPerLitrePerMgPerDl} µmol/L per mg/dL");

    /// <summary>The value as used; then, in brackets, the entered value and its conversion when entered in <paramref name="other"/>, and the day it was measured.</summary>
    private static void AppendShown<T, TUnit>(StringBuilder text, T? value, Measurement<TUnit>? entered, TUnit other, string conversion)
        where T : struct
        where TUnit : struct, Enum
    {
        if (value is not { } used)
        {
            text.Append("not given");
            return;
        }

        var invariant = CultureInfo.InvariantCulture;
        text.Append(invariant, $"{used}");
        var converted = entered is not null && EqualityComparer<TUnit>.Default.Equals(entered.Unit, other);
        if (!converted && entered?.MeasuredOn is null)
        {
            return;
        }

        text.Append(" (");
        if (converted)
        {
            text.Append(invariant, $"{entered!.Value} {conversion}");
        }

        if (entered!.MeasuredOn is { } day)
        {
            text.Append(converted ? "; " : string.Empty).Append(invariant, $"measured {day:yyyy-MM-dd}");
        }

        text.Append(')');
    }

    private static void ApplyToxicity(Patient patient, DrugProfile profile, AnswerBuilder answer)
    {
        if (!patient.PriorToxicity)
        {
            return;
        }

        if (profile.Toxicity is { } rule)
        {
            answer.Adjust("TOXICITY_REDUCTION", rule.Factor, "significant toxicity in a previous cycle", rule.Source);
        }
        else
        {
            answer.Alert(AlertSeverity.Warning, AlertCodes.ToxicityNotApplicable, "Prior toxicity was reported but the monograph gives no dose reduction for it; a specialist must decide.", MethodReferences.MonographSilent);
        }
    }

    private static void SmallPatient(Patient patient, DrugProfile profile, Regimen regimen, AnswerBuilder answer)
    {
        if (profile.SmallPatientInfusion is { } rule && patient.Weight is { } weight && weight.Kilograms < rule.WeightBelowKg && regimen.InfusionHours is not null)
        {
            answer.Alert(AlertSeverity.Info, AlertCodes.SmallPatientInfusion, Invariant($"Weight {weight} is under {rule.WeightBelowKg} kg: {rule.Advice}"), rule.Source);
        }
    }

    private static string? InfusionNote(Patient patient, DrugProfile profile) =>
        profile.SmallPatientInfusion is { } rule && patient.Weight is { } weight && weight.Kilograms < rule.WeightBelowKg
            ? Invariant($"Weight under {rule.WeightBelowKg} kg: {rule.Advice}")
            : null;

    private static DoseAnswer Base(AnswerStatus status, DrugProfile profile, RenalEstimate? renal, AnswerBuilder answer, Regimen? regimen) => new()
    {
        Status = status,
        Drug = profile.Slug,
        Regimen = regimen?.Label,
        Indication = regimen?.Indication,
        Approved = regimen?.Approved,
        DoseBasis = regimen is null ? null : Invariant($"{regimen.AmountMg} {regimen.BasisUnit}"),
        Route = regimen?.Route,
        Renal = renal,
        Adjustments = [.. answer.Adjustments],
        Alerts = [.. answer.Alerts],
        Trace = [.. answer.Trace],
        AlertSteps = [.. answer.AlertSteps],
    };

    private static DoseAnswer Contraindicated(DrugProfile profile, RenalEstimate? renal, AnswerBuilder answer)
    {
        answer.Step("Contraindicated: no dose computed.");
        return Base(AnswerStatus.Contraindicated, profile, renal, answer, null) with { Adjustments = [] };
    }

    private static DoseAnswer Withheld(DrugProfile profile, RenalEstimate? renal, AnswerBuilder answer, Regimen? regimen)
    {
        answer.Step("Withheld: no dose computed; the critical alerts say why.");
        return Base(AnswerStatus.Withheld, profile, renal, answer, regimen) with { Adjustments = [], Monitoring = profile.Monitoring, StopCriteria = profile.StopCriteria };
    }

    private const string DraftRulesMessage = "These dose rules are a machine-read draft that no editor has reviewed: for trying the draft only, never for a patient.";

    private static DoseAnswer Refused(DrugProfile profile, IReadOnlyList<FieldError> errors) => DoseAnswer.Refused(profile.Slug, errors) with
    {
        Alerts = profile.Review.IsReviewed ? [] : [new AnswerAlert(AlertSeverity.Critical, AlertCodes.DraftRules, DraftRulesMessage, null, MethodReferences.DraftRules)],
    };

    private sealed record Assessment(Patient Patient, DosePolicy Policy, AnswerBuilder Answer, Regimen? Regimen, RenalEstimate? Renal);
}
