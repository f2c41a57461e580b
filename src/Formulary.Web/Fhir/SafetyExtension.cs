namespace Formulary.Web.Fhir;

/// <summary>
/// The documented extensions on MedicationKnowledge for what R4 has no element for: pregnancy,
/// lactation, monitoring and interactions. All share one shape (sub-extensions <c>kind</c>, <c>code</c>, <c>text</c>,
/// <c>section</c>, <c>quote</c>); their definitions are served at <see cref="FhirUrls.Extension"/>.
/// </summary>
internal sealed record SafetyExtension(string Id, string Name, string Title, string Description, IReadOnlyList<string> Kinds)
{
    public static readonly SafetyExtension Pregnancy = new(
        "formulary-pregnancy",
        "FormularyPregnancy",
        "Formulary pregnancy statement",
        "What the drug's reviewed rules say about pregnancy, with the monograph section and sentence it comes from. "
        + "kind: contraindicated | contraception (effective contraception required; code is female or male) | not-stated (the rules say nothing: not a statement that the drug is safe).",
        ["contraindicated", "contraception", "not-stated"]);

    public static readonly SafetyExtension Lactation = new(
        "formulary-lactation",
        "FormularyLactation",
        "Formulary lactation statement",
        "What the drug's reviewed rules say about breastfeeding, with its source. "
        + "kind: contraindicated | not-stated (the rules say nothing: not a statement that the drug is safe).",
        ["contraindicated", "not-stated"]);

    public static readonly SafetyExtension Monitoring = new(
        "formulary-monitoring",
        "FormularyMonitoring",
        "Formulary monitoring item",
        "One thing to monitor during treatment (code is the rule's code, e.g. CBC), or what must hold before the next cycle, with its source. "
        + "kind: monitor | before-next-cycle | not-stated (the rules list no monitoring).",
        ["monitor", "before-next-cycle", "not-stated"]);

    public static readonly SafetyExtension Interaction = new(
        "formulary-interaction",
        "FormularyInteraction",
        "Formulary interaction statement",
        "A class of drugs the reviewed rules name as interacting (code is the class, e.g. nephrotoxic), with its source; Formulary's dose check "
        + "flags an order given with a drug of that class. R4 MedicationKnowledge has no element for interactions. "
        + "kind: interacts | not-stated (the rules name none: not a statement that the drug has no interactions).",
        ["interacts", "not-stated"]);

    public static IReadOnlyList<SafetyExtension> All { get; } = [Pregnancy, Lactation, Monitoring, Interaction];

    /// <summary>The sub-extensions: name, minimum cardinality, what it holds.</summary>
    public static IReadOnlyList<(string Name, int Min, string Definition)> Parts { get; } =
    [
        ("kind", 1, "What the statement is (values listed in the extension's description)."),
        ("code", 0, "The rule's own code (e.g. CBC, female)."),
        ("text", 1, "The statement in words."),
        ("section", 0, "The monograph section the statement comes from (e.g. Contraindications)."),
        ("quote", 0, "The sentence quoted from that section."),
    ];

    public static SafetyExtension? Find(string id) => All.FirstOrDefault(e => e.Id == id);
}
