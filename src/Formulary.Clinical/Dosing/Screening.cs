using Formulary.Clinical.Interactions;
using Formulary.Clinical.Patients;
using Formulary.Clinical.Profiles;
using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Dosing;

/// <summary>
/// Safety screening shared by dose and check: contraindications, age against the indication,
/// hepatic caution and interactions by drug class. Renal rules are in <see cref="RenalAssessment"/>.
/// </summary>
internal static class Screening
{
    public static Regimen? Screen(Patient patient, DrugProfile profile, AnswerBuilder answer)
    {
        ScreenContraindications(patient, profile, answer);
        var regimen = ScreenAge(patient, profile, answer);
        ScreenHepatic(patient, profile, answer);
        ScreenInteractions(patient, profile, answer);
        return regimen;
    }

    private static void ScreenContraindications(Patient patient, DrugProfile profile, AnswerBuilder answer)
    {
        foreach (var group in profile.Contraindications.GroupBy(c => c.Condition))
        {
            var rule = group.First();
            var note = rule.Note is null ? string.Empty : " " + rule.Note;
            switch (rule.Condition)
            {
                case ContraindicationCondition.Hypersensitivity when patient.Hypersensitivity:
                    answer.Contraindicate(AlertCodes.Hypersensitivity, Invariant($"Known hypersensitivity to {profile.Name}: contraindicated.{note}"), rule.Source);
                    break;
                case ContraindicationCondition.Pregnancy when patient.Pregnant:
                    answer.Contraindicate(AlertCodes.Pregnancy, Invariant($"{profile.Name} is contraindicated in pregnancy.{note}"), rule.Source);
                    break;
                case ContraindicationCondition.Breastfeeding when patient.Breastfeeding:
                    answer.Contraindicate(AlertCodes.Breastfeeding, Invariant($"{profile.Name} is contraindicated during breastfeeding.{note}"), rule.Source);
                    break;
                case ContraindicationCondition.SevereHepaticImpairment when patient.Hepatic == HepaticImpairment.Severe:
                    answer.Contraindicate(AlertCodes.SevereHepatic, Invariant($"Severe hepatic impairment: {profile.Name} is contraindicated.{note}"), rule.Source);
                    break;
                case ContraindicationCondition.SevereRenalImpairment:
                    RenalAssessment.ScreenSevere(patient, profile, rule, answer);
                    break;
                default:
                    break;
            }
        }
    }

    private static Regimen? ScreenAge(Patient patient, DrugProfile profile, AnswerBuilder answer)
    {
        if (profile.AgeNotEstablished is { } limit && patient.Age.Years < limit.BelowYears)
        {
            answer.Withhold(
                AlertCodes.AgeNotEstablished,
                Invariant($"Age {patient.Age.Years:0.##} years: safety and efficacy are not established under {limit.BelowYears} year(s); no dose is computed."),
                limit.Source);
            return null;
        }

        if (profile.Regimens.Count == 0 && profile.Dosing is not null)
        {
            // A schema-2 profile: its regimens are chosen by population in RegimenCalculator.
            return null;
        }

        var regimen = profile.Regimens.FirstOrDefault(r => r.Ages.Contains(patient.Age));
        if (regimen is null)
        {
            answer.Withhold(
                AlertCodes.NoRegimenForAge,
                Invariant($"No regimen in the monograph covers age {patient.Age.Years:0.##} years; no dose is computed."),
                null);
            return null;
        }

        answer.Step(Invariant($"Regimen '{regimen.Label}' chosen for age {patient.Age.Years:0.##} years (band {regimen.Ages}).") + AnswerBuilder.Cite(regimen.Source));
        if (!regimen.Approved)
        {
            answer.Alert(
                AlertSeverity.Warning,
                AlertCodes.OffLabel,
                Invariant($"Age {patient.Age.Years:0.##} years is outside the approved indication ({regimen.Label}): off-label use; {regimen.AmountMg} {regimen.BasisUnit} is the studied dose, not an approved one."),
                regimen.Source);
        }

        return regimen;
    }

    private static void ScreenHepatic(Patient patient, DrugProfile profile, AnswerBuilder answer)
    {
        if (patient.Hepatic is HepaticImpairment.Mild or HepaticImpairment.Moderate && profile.Hepatic?.Caution is { } caution)
        {
            answer.Alert(AlertSeverity.Warning, AlertCodes.HepaticCaution, Invariant($"{patient.Hepatic} hepatic impairment: {caution.Text}"), caution.Source);
        }
        else if (patient.Hepatic == HepaticImpairment.Severe && !profile.Contraindications.Any(c => c.Condition == ContraindicationCondition.SevereHepaticImpairment))
        {
            answer.Alert(AlertSeverity.Warning, AlertCodes.HepaticCaution, "Severe hepatic impairment: the monograph gives no rule for it; a specialist must decide.", profile.Hepatic?.Caution?.Source);
        }
    }

    private static void ScreenInteractions(Patient patient, DrugProfile profile, AnswerBuilder answer)
    {
        foreach (var medication in patient.Medications)
        {
            var classes = InteractionClassCatalog.ClassesOf(medication);
            if (classes.Count == 0)
            {
                answer.Alert(
                    AlertSeverity.Warning,
                    AlertCodes.InteractionNotCovered,
                    Invariant($"'{medication}' is not in Formulary's interaction class list: not covered, which does not mean no interaction; check an interaction resource."),
                    null);
                continue;
            }

            var avoided = profile.Interactions.Where(r => classes.Any(c => string.Equals(c.Name, r.ClassName, StringComparison.OrdinalIgnoreCase))).ToList();
            foreach (var rule in avoided)
            {
                answer.Alert(
                    AlertSeverity.Warning,
                    AlertCodes.InteractionAvoid,
                    Invariant($"'{medication}' is {rule.ClassName}: the monograph says concomitant {rule.ClassName} drugs should be avoided."),
                    rule.Source);
            }

            if (avoided.Count == 0)
            {
                answer.Step(Invariant($"'{medication}' is in class {string.Join(", ", classes.Select(c => c.Name))}; the monograph lists no class-level rule for it (other interactions are not covered)."));
            }
        }
    }
}
