namespace Formulary.Clinical.Dosing;

/// <summary>Every alert code the engine emits, in one place (a test keeps them unique). Codes are stable: clients key on them.</summary>
public static class AlertCodes
{
    public const string Hypersensitivity = "CI_HYPERSENSITIVITY";
    public const string Pregnancy = "CI_PREGNANCY";
    public const string Breastfeeding = "CI_BREASTFEEDING";
    public const string SevereRenal = "CI_RENAL_SEVERE";
    public const string SevereHepatic = "CI_HEPATIC_SEVERE";
    public const string AgeNotEstablished = "AGE_NOT_ESTABLISHED";
    public const string NoRegimenForAge = "NO_REGIMEN_FOR_AGE";
    public const string OffLabel = "OFF_LABEL";
    public const string ScheduleNotStated = "SCHEDULE_NOT_STATED";
    public const string SmallPatientInfusion = "SMALL_PATIENT_INFUSION";
    public const string RenalUpperLimitMissing = "RENAL_ULN_MISSING";
    public const string RenalBelowBands = "RENAL_BELOW_BANDS";
    public const string RenalNormalizedEgfr = "RENAL_EGFR_NORMALIZED";
    public const string RenalCaution = "RENAL_CAUTION";
    public const string RenalNotAssessed = "RENAL_NOT_ASSESSED";
    public const string HepaticCaution = "HEPATIC_CAUTION";
    public const string InteractionAvoid = "INTERACTION_AVOID";
    public const string InteractionNotCovered = "INTERACTION_NOT_COVERED";
    public const string AdjustmentsCombined = "ADJUSTMENTS_COMBINED";
    public const string BsaCapped = "BSA_CAPPED";
    public const string MaxDoseCapped = "MAX_DOSE_CAPPED";
    public const string ToxicityNotApplicable = "TOXICITY_NO_RULE";
    public const string RegimenNotComputed = "REGIMEN_NOT_COMPUTED";
    public const string RegimenAvoid = "REGIMEN_AVOID";
    public const string MonitorLevels = "MONITOR_LEVELS";
    public const string DraftRules = "DRAFT_RULES";

    public static IReadOnlyList<string> All { get; } =
    [
        Hypersensitivity, Pregnancy, Breastfeeding, SevereRenal, SevereHepatic, AgeNotEstablished, NoRegimenForAge,
        OffLabel, ScheduleNotStated, SmallPatientInfusion, RenalUpperLimitMissing, RenalBelowBands, RenalNormalizedEgfr,
        RenalCaution, RenalNotAssessed, HepaticCaution, InteractionAvoid, InteractionNotCovered, AdjustmentsCombined,
        BsaCapped, MaxDoseCapped, ToxicityNotApplicable, RegimenNotComputed, RegimenAvoid, MonitorLevels, DraftRules,
    ];
}
