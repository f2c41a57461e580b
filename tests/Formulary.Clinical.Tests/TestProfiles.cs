using Formulary.Clinical.Profiles;
using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Tests;

/// <summary>An invented drug profile for engine tests (the real clofarabine rules are tested from the rules file).</summary>
internal static class TestProfiles
{
    private static readonly Citation Source = new("Dosage", "Invented sentence.");

    public static DrugProfile Invented { get; } = new()
    {
        Slug = "inventamab",
        Name = "Inventamab",
        Regimens =
        [
            new Regimen
            {
                Id = "children",
                Label = "children",
                Ages = new AgeBand(2m, 18m),
                Approved = true,
                AmountMg = 10m,
                Basis = DoseBasis.PerSquareMetre,
                Route = "IV",
                InfusionHours = 1m,
                Days = 3,
                Source = Source,
                Cycle = new CycleRule(3, 4, [new CycleCriterion("ANC", "ANC ≥ 1 × 10⁹/L", 1m, Source)], Source),
            },
            new Regimen
            {
                Id = "adults",
                Label = "adults",
                Ages = new AgeBand(18m, null),
                Approved = false,
                AmountMg = 8m,
                Basis = DoseBasis.PerSquareMetre,
                Route = "IV",
                Source = Source,
            },
        ],
        AgeNotEstablished = new AgeLimit(2m, Source),
        SmallPatientInfusion = new SmallPatientInfusion(15m, "infuse over 2 hours.", Source),
        Renal = new RenalRules
        {
            SevereScrTimesUln = 3m,
            SevereSource = Source,
            Bands = [new RenalBand("RENAL_20_50", 20m, 50m, 0.5m, Source)],
            Caution = new CitedText("RENAL_CAUTION", "caution", Source),
        },
        Hepatic = new HepaticRules(new CitedText("HEPATIC_CAUTION", "caution", Source)),
        Toxicity = new ToxicityReduction(0.8m, Source),
        StopCriteria = [new CitedText("STOP", "stop on rash", Source)],
        Contraindications =
        [
            new Contraindication(ContraindicationCondition.Hypersensitivity, Source),
            new Contraindication(ContraindicationCondition.Pregnancy, Source),
            new Contraindication(ContraindicationCondition.Breastfeeding, Source),
            new Contraindication(ContraindicationCondition.SevereRenalImpairment, Source),
            new Contraindication(ContraindicationCondition.SevereHepaticImpairment, Source),
        ],
        Interactions = [new InteractionRule("nephrotoxic", Source)],
        Contraception = [new ContraceptionRule(Sex.Female, 6, Source), new ContraceptionRule(Sex.Male, 3, Source)],
        Monitoring = [new CitedText("CBC", "blood counts", Source)],
    };
}
