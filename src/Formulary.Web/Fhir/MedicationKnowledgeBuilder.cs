using System.Security;
using Formulary.Clinical.Profiles;
using Formulary.Monographs;
using Hl7.Fhir.Model;

namespace Formulary.Web.Fhir;

/// <summary>
/// One composition or combination as an R4 <c>MedicationKnowledge</c>: code (the monograph slug in
/// this server's code system), synonyms (alternate and brand names), administration guidelines and
/// contraindications from the reviewed rules (contained <c>DetectedIssue</c>s), and the pregnancy,
/// lactation and monitoring extensions. A drug without reviewed rules carries names only and says
/// so: its safety statements are "not-stated", never an implied "safe".
/// </summary>
internal static class MedicationKnowledgeBuilder
{
    public static MedicationKnowledge Build(MedicationKnowledgeSource source, FhirUrls urls)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(urls);
        var monograph = source.Monograph;
        var page = urls.Page(monograph.Collection.UrlPath(monograph.Slug));
        var synonyms = monograph.AlternateNames.Concat(source.BrandNames)
            .Where(n => !string.Equals(n, monograph.Title, StringComparison.OrdinalIgnoreCase))
            .DistinctBy(n => n.ToUpperInvariant())
            .ToList();
        var resource = new MedicationKnowledge
        {
            Id = monograph.Slug,
            Meta = new Meta { LastUpdated = source.ImportedAt },
            Code = new CodeableConcept(urls.MonographCodeSystem, monograph.Slug, monograph.Title, monograph.Title),
            Status = monograph.FrontMatter.IsBanned ? MedicationKnowledge.MedicationKnowledgeStatusCodes.Inactive : MedicationKnowledge.MedicationKnowledgeStatusCodes.Active,
            SynonymElement = [.. synonyms.Select(n => new FhirString(n))],
        };
        foreach (var ingredient in monograph.FrontMatter.Ingredients)
        {
            resource.Ingredient.Add(new MedicationKnowledge.IngredientComponent
            {
                Item = new CodeableConcept(urls.MonographCodeSystem, ingredient.GenericSlug, null, ingredient.GenericSlug),
                IsActive = true,
            });
        }

        var profile = source.Rules.Profile;
        var reviewed = profile is not null;
        if (profile is not null)
        {
            resource.AdministrationGuidelines = GuidelineBuilder.For(profile);
            AddContraindications(resource, profile, page);
        }

        var noRules = source.Rules.HasRules
            ? "This drug's rules are not reviewed or do not load: Formulary states nothing computable about it; read the monograph."
            : "This drug has no dose rules: Formulary states nothing computable about it; read the monograph.";
        resource.Extension.AddRange(Pregnancy(profile, urls, noRules));
        resource.Extension.AddRange(Lactation(profile, urls, noRules));
        resource.Extension.AddRange(Monitoring(profile, urls, noRules));
        resource.Extension.AddRange(Statements(profile, SafetyExtension.Interaction, urls, noRules, "The reviewed rules name no interacting drugs: this is not a statement that there are none.", p =>
            p.Interactions.Select(i => ExtensionDefinitions.Statement(SafetyExtension.Interaction, urls, "interacts", Invariant($"Interacts with {i.ClassName} drugs: an order given with one is flagged."), i.ClassName, i.Source))));
        resource.Text = Narrative(monograph.Title, synonyms, page, reviewed);
        return resource;
    }

    /// <summary>One contained DetectedIssue per condition, citing every sentence that states it (pregnancy is cited from three sections in the seed).</summary>
    private static void AddContraindications(MedicationKnowledge resource, DrugProfile profile, string page)
    {
        var n = 0;
        foreach (var group in profile.Contraindications.GroupBy(c => c.Condition))
        {
            n++;
            var id = Invariant($"contraindication-{n}");
            var label = Label(group.Key);
            var notes = string.Concat(group.Select(c => c.Note).OfType<string>().Distinct().Select(note => " " + note));
            var sources = string.Join(" ", group.Select(c => Invariant($"Source: {c.Source.Section}: \"{c.Source.Quote}\"")));
            resource.Contained.Add(new DetectedIssue
            {
                Id = id,
                Status = ObservationStatus.Final,
                Code = new CodeableConcept { Text = "Contraindication: " + label },
                Severity = DetectedIssue.DetectedIssueSeverity.High,
                Detail = Invariant($"{label}: contraindicated.{notes} {sources}"),
                Reference = page,
            });
            resource.Contraindication.Add(new ResourceReference("#" + id, label));
        }
    }

    private static IEnumerable<Extension> Pregnancy(DrugProfile? profile, FhirUrls urls, string noRules) =>
        Statements(profile, SafetyExtension.Pregnancy, urls, noRules, "The reviewed rules say nothing about pregnancy: this is not a statement that the drug is safe in pregnancy.", p =>
            Contraindicated(p, SafetyExtension.Pregnancy, urls, ContraindicationCondition.Pregnancy, "Contraindicated in pregnancy.")
                .Concat(p.Contraception.Select(c => ExtensionDefinitions.Statement(
                    SafetyExtension.Pregnancy,
                    urls,
                    "contraception",
                    Invariant($"{(c.Sex == Clinical.Quantities.Sex.Female ? "Females" : "Males")}: effective contraception during treatment and for {c.MonthsAfterLastDose} months after the last dose."),
                    c.Sex.ToString().ToLowerInvariant(),
                    c.Source))));

    private static IEnumerable<Extension> Lactation(DrugProfile? profile, FhirUrls urls, string noRules) =>
        Statements(profile, SafetyExtension.Lactation, urls, noRules, "The reviewed rules say nothing about breastfeeding: this is not a statement that the drug is safe during breastfeeding.", p =>
            Contraindicated(p, SafetyExtension.Lactation, urls, ContraindicationCondition.Breastfeeding, "Contraindicated during breastfeeding."));

    private static IEnumerable<Extension> Monitoring(DrugProfile? profile, FhirUrls urls, string noRules) =>
        Statements(profile, SafetyExtension.Monitoring, urls, noRules, "The reviewed rules list no monitoring.", p =>
            p.Monitoring.Select(m => ExtensionDefinitions.Statement(SafetyExtension.Monitoring, urls, "monitor", m.Text, m.Code, m.Source))
                .Concat(p.Regimens.Select(r => r.Cycle).OfType<CycleRule>().SelectMany(c => c.Criteria).DistinctBy(c => c.Code)
                    .Select(c => ExtensionDefinitions.Statement(SafetyExtension.Monitoring, urls, "before-next-cycle", c.Text, c.Code, c.Source))));

    /// <summary>What the rules state, or one <c>not-stated</c> statement saying why nothing is (no reviewed rules, or silent rules).</summary>
    private static IEnumerable<Extension> Statements(DrugProfile? profile, SafetyExtension extension, FhirUrls urls, string noRules, string silent, Func<DrugProfile, IEnumerable<Extension>> read)
    {
        var statements = profile is null ? [] : read(profile).ToList();
        return statements.Count > 0 ? statements : [ExtensionDefinitions.Statement(extension, urls, "not-stated", profile is null ? noRules : silent)];
    }

    private static IEnumerable<Extension> Contraindicated(DrugProfile profile, SafetyExtension extension, FhirUrls urls, ContraindicationCondition condition, string text) =>
        profile.Contraindications.Where(c => c.Condition == condition)
            .Select(c => ExtensionDefinitions.Statement(extension, urls, "contraindicated", text + (c.Note is { } note ? " " + note : string.Empty), source: c.Source));

    private static string Label(ContraindicationCondition condition) => condition switch
    {
        ContraindicationCondition.Hypersensitivity => "Hypersensitivity to the drug",
        ContraindicationCondition.Pregnancy => "Pregnancy",
        ContraindicationCondition.Breastfeeding => "Breastfeeding",
        ContraindicationCondition.SevereRenalImpairment => "Severe renal impairment",
        ContraindicationCondition.SevereHepaticImpairment => "Severe hepatic impairment",
        _ => condition.ToString(),
    };

    private static Narrative Narrative(string title, IReadOnlyList<string> synonyms, string page, bool reviewed)
    {
        var names = synonyms.Count == 0 ? string.Empty : "<p>Also known as: " + SecurityElement.Escape(string.Join(", ", synonyms)) + "</p>";
        var rules = reviewed ? "Dosage and safety from the reviewed rules, each with its source." : "No reviewed dose rules: names only.";
        return new Narrative
        {
            Status = Hl7.Fhir.Model.Narrative.NarrativeStatus.Generated,
            Div = Invariant($"<div xmlns=\"http://www.w3.org/1999/xhtml\"><p><b>{SecurityElement.Escape(title)}</b></p>{names}<p>{rules}</p><p>Monograph: <a href=\"{SecurityElement.Escape(page)}\">{SecurityElement.Escape(page)}</a></p></div>"),
        };
    }
}
