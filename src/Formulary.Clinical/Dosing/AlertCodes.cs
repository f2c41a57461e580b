namespace Formulary.Clinical.Dosing;

/// <summary>Every alert code the engine emits, in one place (a test keeps them unique). Codes are stable: clients key on them.</summary>
public static class AlertCodes
{
    public const string Hypersensitivity = "CI_HYPERSENSITIVITY";
    public const string Pregnancy = "CI_PREGNANCY";
    public const string Breastfeeding = "CI_BREASTFEEDING";
    public const string SevereRenal = "CI_RENAL_SEVERE";
    public const string SevereHepatic = "CI_HEPATIC_SEVERE";
    public const string HypersensitivityNotAsked = "SCREEN_HYPERSENSITIVITY_NOT_DONE";
    public const string PregnancyNotAsked = "SCREEN_PREGNANCY_NOT_DONE";
    public const string BreastfeedingNotAsked = "SCREEN_BREASTFEEDING_NOT_DONE";
    public const string HepaticNotAssessed = "SCREEN_HEPATIC_NOT_DONE";
    public const string AgeNotEstablished = "AGE_NOT_ESTABLISHED";
    public const string NoRegimenForAge = "NO_REGIMEN_FOR_AGE";
    public const string OffLabel = "OFF_LABEL";
    public const string ScheduleNotStated = "SCHEDULE_NOT_STATED";
    public const string SmallPatientInfusion = "SMALL_PATIENT_INFUSION";
    public const string RenalUpperLimitFromReference = "RENAL_ULN_REFERENCE";
    public const string RenalUpperLimitUnavailable = "RENAL_ULN_UNAVAILABLE";
    public const string RenalBelowBands = "RENAL_BELOW_BANDS";
    public const string RenalNormalizedEgfr = "RENAL_EGFR_NORMALIZED";
    public const string RenalCockcroftGaultObesity = "RENAL_CG_OBESITY";
    public const string RenalCaution = "RENAL_CAUTION";
    public const string RenalNotAssessed = "RENAL_NOT_ASSESSED";
    public const string HepaticCaution = "HEPATIC_CAUTION";
    public const string InteractionAvoid = "INTERACTION_AVOID";
    public const string InteractionNotCovered = "INTERACTION_NOT_COVERED";
    public const string AdjustmentsCombined = "ADJUSTMENTS_COMBINED";
    public const string BsaCapped = "BSA_CAPPED";
    public const string MaxDoseCapped = "MAX_DOSE_CAPPED";
    public const string RoundingChange = "ROUNDING_CHANGE";
    public const string ToxicityNotApplicable = "TOXICITY_NO_RULE";
    public const string WeightPercentile = "WEIGHT_PERCENTILE";
    public const string HeightPercentile = "HEIGHT_PERCENTILE";
    public const string BodyMassIndexPercentile = "BMI_PERCENTILE";
    public const string CreatinineUnit = "CREATININE_UNIT";
    public const string RegimenNotComputed = "REGIMEN_NOT_COMPUTED";
    public const string RegimenAvoid = "REGIMEN_AVOID";
    public const string MonitorLevels = "MONITOR_LEVELS";
    public const string DraftRules = "DRAFT_RULES";
    public const string RegimenPopulationUnbounded = "REGIMEN_POPULATION_UNBOUNDED";

    public static IReadOnlyList<string> All { get; } =
    [
        Hypersensitivity, Pregnancy, Breastfeeding, SevereRenal, SevereHepatic, HypersensitivityNotAsked, PregnancyNotAsked,
        BreastfeedingNotAsked, HepaticNotAssessed, AgeNotEstablished, NoRegimenForAge, OffLabel, ScheduleNotStated,
        SmallPatientInfusion, RenalUpperLimitFromReference, RenalUpperLimitUnavailable, RenalBelowBands, RenalNormalizedEgfr,
        RenalCockcroftGaultObesity, RenalCaution, RenalNotAssessed, HepaticCaution, InteractionAvoid, InteractionNotCovered,
        AdjustmentsCombined, BsaCapped, MaxDoseCapped, RoundingChange, ToxicityNotApplicable, WeightPercentile, HeightPercentile,
        BodyMassIndexPercentile, CreatinineUnit, RegimenNotComputed, RegimenAvoid, MonitorLevels, DraftRules, RegimenPopulationUnbounded,
    ];
}
