namespace Formulary.Clinical.Patients;

/// <summary>
/// The inputs a refusal can name. Each edge shows them in its own words (a JSON property, a CLI
/// option, a form label); the engine never sees wire names.
/// </summary>
public enum PatientField
{
    Age,
    Sex,
    Weight,
    WeightDate,
    Height,
    HeightDate,
    Creatinine,
    CreatinineDate,
    CreatinineUpperLimit,
    Hepatic,
    Pregnancy,
    Breastfeeding,
    Hypersensitivity,
    PriorToxicity,
    FinalCycle,
    Medications,
    StartDate,
    BsaFormula,
    BsaCap,
    RoundingIncrement,
    RoundingWarningPercent,
}
