namespace Formulary.Web.CdsHooks;

/// <summary>
/// The services Formulary offers: a dose check when a medication is selected (<c>order-select</c>) and
/// when orders are signed (<c>order-sign</c>). Both ask for the same prefetch: the patient and the latest
/// body weight, body height and serum creatinine (LOINC codes below), and the latest pregnancy status, which is
/// optional (<see cref="Optional"/>: without it the pregnancy screen stays "not asked", never a 412); the keys are
/// also the names the data is looked up by when the client sends it, or when it is fetched from the client's FHIR server.
/// </summary>
internal static class CdsServiceCatalog
{
    public const string PatientKey = "patient";
    public const string WeightKey = "weight";
    public const string HeightKey = "height";
    public const string CreatinineKey = "creatinine";
    public const string PregnancyKey = "pregnancy";

    public const string BodyWeightLoinc = "29463-7";
    public const string BodyHeightLoinc = "8302-2";
    public const string SerumCreatinineLoinc = "2160-0";
    public const string PregnancyStatusLoinc = "82810-3";

    public static IReadOnlyDictionary<string, string> Prefetch { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [PatientKey] = "Patient/{{context.patientId}}",
        [WeightKey] = Latest(BodyWeightLoinc),
        [HeightKey] = Latest(BodyHeightLoinc),
        [CreatinineKey] = Latest(SerumCreatinineLoinc),
        [PregnancyKey] = Latest(PregnancyStatusLoinc),
    };

    /// <summary>Prefetch keys a call is answered without: what they would tell is then "not asked".</summary>
    public static IReadOnlySet<string> Optional { get; } = new HashSet<string>(StringComparer.Ordinal) { PregnancyKey };

    public static CdsService OrderSelect { get; } = new(
        "order-select",
        "formulary-dose-check-select",
        "Formulary dose check (order select)",
        "Checks a selected medication against the patient's weight, height, age and kidney function with the dose rules of its Formulary monograph: the computed dose with every step, contraindications, adjustments and data problems.",
        Prefetch);

    public static CdsService OrderSign { get; } = new(
        "order-sign",
        "formulary-dose-check",
        "Formulary dose check (order sign)",
        "Before orders are signed, checks each medication order against the patient's weight, height, age and kidney function with the dose rules of its Formulary monograph; suggests the computed dose when the ordered one differs.",
        Prefetch);

    public static IReadOnlyList<CdsService> All { get; } = [OrderSelect, OrderSign];

    public static CdsService? Find(string id) => All.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));

    private static string Latest(string loinc) =>
        $"Observation?patient={{{{context.patientId}}}}&code=http://loinc.org|{loinc}&_sort=-date&_count=1";
}
