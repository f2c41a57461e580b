namespace Formulary.Clinical.Interactions;

/// <summary>
/// The small, documented class list interaction screening uses. It is deliberately short and not
/// exhaustive: a drug it does not list is reported as "not covered", never as "no interaction".
/// Members are lower-case generic names (INN and US names where they differ).
/// </summary>
public static class InteractionClassCatalog
{
    public const string Nephrotoxic = "nephrotoxic";
    public const string Hepatotoxic = "hepatotoxic";

    public static IReadOnlyList<InteractionClass> Classes { get; } =
    [
        new(
            Nephrotoxic,
            "drugs with well-documented direct kidney injury",
            "Naughton CA. Drug-induced nephrotoxicity. Am Fam Physician 2008;78(6):743-750 (Table 1); "
                + "Perazella MA. Clin J Am Soc Nephrol 2009;4:1275-1283",
            [
                // aminoglycosides
                "gentamicin", "amikacin", "tobramycin", "streptomycin", "neomycin", "netilmicin", "plazomicin",
                // glycopeptides and polymyxins
                "vancomycin", "colistin", "colistimethate", "polymyxin b",
                // antifungals and antivirals
                "amphotericin b", "foscarnet", "cidofovir", "tenofovir disoproxil",
                // chemotherapy
                "cisplatin", "ifosfamide", "methotrexate",
                // calcineurin inhibitors
                "ciclosporin", "cyclosporine", "tacrolimus",
                // NSAIDs
                "ibuprofen", "naproxen", "diclofenac", "ketorolac", "indometacin", "indomethacin", "celecoxib", "meloxicam",
                "aspirin",
                "lithium", "zoledronic acid", "pamidronate",
            ]),
        new(
            Hepatotoxic,
            "drugs with well-documented liver injury (LiverTox likelihood category A or B)",
            "LiverTox: Clinical and Research Information on Drug-Induced Liver Injury. NIDDK, 2012-; "
                + "likelihood scores category A (well known) and B (highly likely)",
            [
                "paracetamol", "acetaminophen", "isoniazid", "rifampicin", "rifampin", "pyrazinamide",
                "valproate", "valproic acid", "amiodarone", "methotrexate", "azathioprine", "mercaptopurine",
                "thioguanine", "asparaginase", "pegaspargase", "ketoconazole", "voriconazole", "nevirapine",
                "nitrofurantoin", "amoxicillin-clavulanate", "co-amoxiclav", "flucloxacillin", "carbamazepine",
                "phenytoin", "leflunomide", "imatinib",
            ]),
    ];

    /// <summary>The classes whose member list contains <paramref name="medication"/>; empty when the list does not know it.</summary>
    public static IReadOnlyList<InteractionClass> ClassesOf(string medication)
    {
        var name = Normalize(medication);
        return [.. Classes.Where(c => c.Members.Any(m => name == m || name.StartsWith(m + " ", StringComparison.Ordinal)))];
    }

    public static InteractionClass? Find(string className) =>
        Classes.FirstOrDefault(c => string.Equals(c.Name, className, StringComparison.OrdinalIgnoreCase));

    /// <summary>Lower case, single spaces: "Gentamicin  80 mg" → "gentamicin 80 mg" (which matches "gentamicin").</summary>
    public static string Normalize(string medication) =>
        string.Join(' ', medication.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
