using Formulary.Clinical.Interactions;
using Formulary.Clinical.Patients;
using Formulary.Clinical.Profiles;
using Formulary.Clinical.Quantities;
using Formulary.Clinical.References;

namespace Formulary.Clinical.Dosing;

/// <summary>
/// Safety screening shared by dose and check: contraindications, age against the indication,
/// hepatic caution and interactions by drug class. Renal rules are in <see cref="RenalAssessment"/>.
/// </summary>
internal static class Screening
{
    /// <summary>Normal puberty in girls begins between 8 and 13 years; from 8 the pregnancy and breastfeeding screens apply.</summary>
    public const decimal PubertyFromYears = 8m;

    private const string HepaticNotAssessed = "Hepatic impairment was not assessed: the severe-hepatic-impairment screen (a contraindication) was not done. Grade it as none, mild, moderate or severe.";

    private static readonly YesNoScreen Hypersensitivity = new(
        "hypersensitivity", AlertCodes.Hypersensitivity, AlertCodes.HypersensitivityNotAsked, static (name, note) => Invariant($"Known hypersensitivity to {name}: contraindicated.{note}"));

    private static readonly YesNoScreen Pregnancy = new(
        "pregnancy", AlertCodes.Pregnancy, AlertCodes.PregnancyNotAsked, static (name, note) => Invariant($"{name} is contraindicated in pregnancy.{note}"));

    private static readonly YesNoScreen Breastfeeding = new(
        "breastfeeding", AlertCodes.Breastfeeding, AlertCodes.BreastfeedingNotAsked, static (name, note) => Invariant($"{name} is contraindicated during breastfeeding.{note}"));

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
        var rules = profile.Contraindications;
        for (var index = 0; index < rules.Count; index++)
        {
            // The first rule of each condition, in the order the conditions first appear (no grouping per call).
            var rule = rules[index];
            if (FirstOfCondition(rules, index) != index)
            {
                continue;
            }

            switch (rule.Condition)
            {
                case ContraindicationCondition.Hypersensitivity:
                    Screen(patient.Hypersensitivity, Hypersensitivity, profile, rule, answer);
                    break;
                case ContraindicationCondition.Pregnancy when Applies(patient, patient.Pregnant, answer, Pregnancy.Name):
                    Screen(patient.Pregnant, Pregnancy, profile, rule, answer);
                    break;
                case ContraindicationCondition.Breastfeeding when Applies(patient, patient.Breastfeeding, answer, Breastfeeding.Name):
                    Screen(patient.Breastfeeding, Breastfeeding, profile, rule, answer);
                    break;
                case ContraindicationCondition.SevereHepaticImpairment when patient.Hepatic == HepaticImpairment.Severe:
                    answer.Contraindicate(AlertCodes.SevereHepatic, Invariant($"Severe hepatic impairment: {profile.Name} is contraindicated.{Note(rule)}"), rule.Source);
                    break;
                case ContraindicationCondition.SevereHepaticImpairment when patient.Hepatic is null:
                    answer.RuleAlert(AlertSeverity.Warning, AlertCodes.HepaticNotAssessed, HepaticNotAssessed, rule.Source);
                    break;
                case ContraindicationCondition.SevereRenalImpairment:
                    RenalAssessment.ScreenSevere(patient, profile, rule, answer);
                    break;
                default:
                    break;
            }
        }
    }

    private static int FirstOfCondition(IReadOnlyList<Contraindication> rules, int index)
    {
        var first = 0;
        while (rules[first].Condition != rules[index].Condition)
        {
            first++;
        }

        return first;
    }

    /// <summary>The rule's note as the end of a sentence (a leading space), or nothing.</summary>
    private static string Note(Contraindication rule) => rule.Note is null ? string.Empty : " " + rule.Note;

    /// <summary>
    /// Yes contraindicates (the screen's message from the drug's name and the rule's note, written only then);
    /// not asked is a warning naming the screen that was not done; no passes.
    /// </summary>
    private static void Screen(ScreenAnswer given, YesNoScreen screen, DrugProfile profile, Contraindication rule, AnswerBuilder answer)
    {
        switch (given)
        {
            case ScreenAnswer.Yes:
                answer.Contraindicate(screen.Code, screen.Contraindicated(profile.Name, Note(rule)), rule.Source);
                break;
            case ScreenAnswer.NotAsked:
                answer.RuleAlert(AlertSeverity.Warning, screen.NotAskedCode, screen.NotAsked, rule.Source);
                break;
            default:
                answer.Step(Invariant($"Screen {screen.Name}: no."));
                break;
        }
    }

    /// <summary>
    /// Pregnancy and breastfeeding screens apply to female patients from 8 years (the youngest age of
    /// normal puberty); for others the trace says why they are not asked for. A yes is never set aside: whoever
    /// answered knows the patient, so it contraindicates whatever the age and sex, and the trace says the answer was unexpected.
    /// </summary>
    private static bool Applies(Patient patient, ScreenAnswer given, AnswerBuilder answer, string screen)
    {
        if (patient.Sex == Sex.Female && patient.Age.Years >= PubertyFromYears)
        {
            return true;
        }

        if (given == ScreenAnswer.Yes)
        {
            answer.Step(Invariant($"Screen {screen}: answered yes for a {patient.Sex.LowerCase()} of {patient.Age.Years:0.##} years, for whom it is not usually asked; the answer is taken as given. Check the record if it is wrong."));
            return true;
        }

        answer.Step(Invariant($"Screen {screen}: not applicable ({patient.Sex.LowerCase()}, {patient.Age.Years:0.##} years)."));
        return false;
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
            var message = Invariant($"No regimen in the monograph covers age {patient.Age.Years:0.##} years; no dose is computed.");
            if (profile.Regimens.Count > 0)
            {
                answer.Withhold(AlertCodes.NoRegimenForAge, message, profile.Regimens[0].IndicationSource ?? profile.Regimens[0].Source);
            }
            else
            {
                answer.Withhold(AlertCodes.NoRegimenForAge, message, MethodReferences.MonographSilent);
            }

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
            var message = "Severe hepatic impairment: the monograph gives no rule for it; a specialist must decide.";
            if (profile.Hepatic?.Caution?.Source is { } source)
            {
                answer.Alert(AlertSeverity.Warning, AlertCodes.HepaticCaution, message, source);
            }
            else
            {
                answer.Alert(AlertSeverity.Warning, AlertCodes.HepaticCaution, message, MethodReferences.MonographSilent);
            }
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
                    MethodReferences.InteractionClasses);
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

    /// <summary>
    /// A contraindication screen answered yes, no or not asked: its name, the codes of its two alerts, the contraindication's
    /// words (from the drug's name and the rule's note) and its not-asked warning, which has the same words for every patient
    /// and drug and is written once.
    /// </summary>
    private sealed class YesNoScreen(string name, string code, string notAskedCode, Func<string, string, string> contraindicated)
    {
        public string Name { get; } = name;

        public string Code { get; } = code;

        public string NotAskedCode { get; } = notAskedCode;

        public Func<string, string, string> Contraindicated { get; } = contraindicated;

        public string NotAsked { get; } = Invariant($"The {name} screen was not done (not asked), and {name} contraindicates this drug: ask, and answer yes or no.");
    }
}
