using Formulary.Clinical.Patients;
using Formulary.Clinical.Profiles;
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

    /// <summary>A dose answer: refused, contraindicated, or computed (a dose may be withheld, with a critical alert).</summary>
    public DoseAnswer Dose(DoseRequest request, DrugProfile profile)
    {
        var (assessment, refused) = Assess(request, profile, forDose: true);
        if (assessment is null)
        {
            return refused!;
        }

        var (patient, policy, answer, regimen, renal) = assessment;
        if (answer.Contraindicated)
        {
            return Contraindicated(profile, renal, answer);
        }

        var regimens = answer.WithheldBecause is null && profile.Dosing is { } dosing
            ? RegimenCalculator.Compute(patient, dosing, renal, policy, answer)
            : [];
        if (regimen is null || answer.WithheldBecause is not null)
        {
            if (profile.Dosing is null || answer.WithheldBecause is not null)
            {
                answer.Step("No dose computed: see the critical alerts.");
            }

            return Base(AnswerStatus.Ok, profile, renal, answer, regimen) with { Monitoring = profile.Monitoring, StopCriteria = profile.StopCriteria, Regimens = regimens };
        }

        ApplyToxicity(patient, profile, answer);
        SmallPatient(patient, profile, regimen, answer);
        var dose = DoseCalculation.Compute(patient, regimen, policy, answer.Adjustments, answer);
        var days = Schedule.Days(patient.StartDate, regimen.Days);
        if (regimen.Days is null)
        {
            answer.Alert(AlertSeverity.Warning, AlertCodes.ScheduleNotStated, Invariant($"The monograph does not state how many days the '{regimen.Label}' regimen is given, so no cycle total or calendar is computed."), regimen.Source);
        }

        var total = regimen.Days is { } n ? dose.Adjusted.Milligrams * n : (decimal?)null;
        if (total is { } t)
        {
            answer.Step(Invariant($"Cycle total = {dose.Adjusted.Milligrams} mg × {regimen.Days} days = {t} mg."));
        }

        var nextCycle = Schedule.Next(patient.StartDate, regimen, answer);
        var contraception = Schedule.Contraception(patient, profile, days.Count > 0 ? days[^1].Date : null, answer);
        return Base(AnswerStatus.Ok, profile, renal, answer, regimen) with
        {
            BsaM2 = dose.Bsa is { } bsa ? Math.Round(bsa.SquareMetres, 2, MidpointRounding.AwayFromZero) : null,
            BsaFormula = dose.Bsa is null ? null : Calculators.BsaCalculator.WireName(policy.Formula),
            BsaCapped = dose.BsaCapped,
            UnadjustedDosePerDayMg = dose.Unadjusted.Milligrams,
            DosePerDayMg = dose.Adjusted.Milligrams,
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
    public DoseAnswer Check(DoseRequest request, DrugProfile profile)
    {
        var (assessment, refused) = Assess(request, profile, forDose: false);
        if (assessment is null)
        {
            return refused!;
        }

        var status = assessment.Answer.Contraindicated ? AnswerStatus.Contraindicated : AnswerStatus.Ok;
        return Base(status, profile, assessment.Renal, assessment.Answer, assessment.Regimen) with { Monitoring = profile.Monitoring, StopCriteria = profile.StopCriteria };
    }

    /// <summary>What dose and check share: read and validate the patient, screen, assess kidney function.</summary>
    private (Assessment? Assessment, DoseAnswer? Refused) Assess(DoseRequest request, DrugProfile profile, bool forDose)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(profile);
        var reading = PatientReader.Read(request, Today(), forDose);
        if (reading.Patient is not { } patient || reading.IsRefused)
        {
            return (null, Refused(profile, reading.Errors));
        }

        var answer = new AnswerBuilder();
        if (!profile.Review.IsReviewed)
        {
            answer.Alert(AlertSeverity.Critical, AlertCodes.DraftRules, DraftRulesMessage, null);
        }

        Describe(patient, reading.Policy, answer);
        var regimen = Screening.Screen(patient, profile, answer);
        var renal = RenalAssessment.Assess(patient, profile, answer);
        return (new Assessment(patient, reading.Policy, answer, regimen, renal), null);
    }

    private DateOnly Today() => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);

    private static void Describe(Patient patient, DosePolicy policy, AnswerBuilder answer) =>
        answer.Step(Invariant($"Patient: age {patient.Age}, {patient.Sex.ToString().ToLowerInvariant()}, weight {Show(patient.Weight)}, height {Show(patient.Height)}, serum creatinine {Show(patient.Creatinine)}, hepatic impairment {patient.Hepatic.ToString().ToLowerInvariant()}; day 1 {patient.StartDate:yyyy-MM-dd}. Policy: BSA {Calculators.BsaCalculator.WireName(policy.Formula)}{(policy.BsaCap is { } cap ? Invariant($", cap {cap}") : string.Empty)}, rounding to {policy.RoundingIncrementMg} mg."));

    private static string Show<T>(T? value)
        where T : struct => value?.ToString() ?? "not given";

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
            answer.Alert(AlertSeverity.Warning, AlertCodes.ToxicityNotApplicable, "Prior toxicity was reported but the monograph gives no dose reduction for it; a specialist must decide.", null);
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

    private static DoseAnswer Base(string status, DrugProfile profile, RenalEstimate? renal, AnswerBuilder answer, Regimen? regimen) => new()
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
    };

    private static DoseAnswer Contraindicated(DrugProfile profile, RenalEstimate? renal, AnswerBuilder answer)
    {
        answer.Step("Contraindicated: no dose computed.");
        return Base(AnswerStatus.Contraindicated, profile, renal, answer, null) with { Adjustments = [] };
    }

    private const string DraftRulesMessage = "These dose rules are a machine-read draft that no editor has reviewed: for trying the draft only, never for a patient.";

    private static DoseAnswer Refused(DrugProfile profile, IReadOnlyList<FieldError> errors) => new()
    {
        Status = AnswerStatus.Refused,
        Drug = profile.Slug,
        Alerts = profile.Review.IsReviewed ? [] : [new AnswerAlert(AlertSeverity.Critical, AlertCodes.DraftRules, DraftRulesMessage, null)],
        Errors = errors,
        Trace = [.. errors.Select(e => Invariant($"Refused {e.Field}: {e.Message}"))],
    };

    private sealed record Assessment(Patient Patient, DosePolicy Policy, AnswerBuilder Answer, Regimen? Regimen, RenalEstimate? Renal);
}
