using Formulary.Clinical.Patients;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// What an Observation must be to be read as one of the patient's values: the prefetch key it comes under,
/// the LOINC codes that mean it, the UCUM units it is converted to and how long before day 1 it may have been
/// measured (null: no limit here; a growing patient's height is checked against the weight by the engine).
/// </summary>
internal sealed record ObservationKind(string Key, string Name, IReadOnlyList<string> Loinc, IReadOnlyList<string> TargetUnits, int? MaxAgeDays)
{
    /// <summary>Body weight, and body weight measured; within 30 days of day 1.</summary>
    public static ObservationKind Weight { get; } = new(CdsServiceCatalog.WeightKey, "body weight", [CdsServiceCatalog.BodyWeightLoinc, "3141-9"], ["kg"], MeasurementDates.MaximumAgeDays);

    /// <summary>Body height, and body height lying (infants) or standing.</summary>
    public static ObservationKind Height { get; } = new(CdsServiceCatalog.HeightKey, "body height", [CdsServiceCatalog.BodyHeightLoinc, "8306-3", "8308-9"], ["cm"], null);

    /// <summary>Serum or plasma creatinine by mass (2160-0) or by moles (14682-9); within 30 days of day 1.</summary>
    public static ObservationKind Creatinine { get; } = new(CdsServiceCatalog.CreatinineKey, "serum creatinine", [CdsServiceCatalog.SerumCreatinineLoinc, "14682-9"], ["mg/dL", "umol/L"], MeasurementDates.MaximumAgeDays);

    public static IReadOnlyList<ObservationKind> All { get; } = [Weight, Height, Creatinine];
}
