using Formulary.Clinical.Profiles;
using Formulary.Clinical.Regimens;
using Hl7.Fhir.Model;

namespace Formulary.Web.Fhir;

/// <summary>
/// The stored dose rules as <c>MedicationKnowledge.administrationGuidelines</c>: one guideline per
/// regimen (schema 1 and schema 2), each with its <c>Dosage</c> (amounts in UCUM, as the rules state
/// them: nothing is computed here) and the patients it is for (age, weight) as
/// <c>patientCharacteristics</c>; plus the rules that are advice for a group of patients (no dose
/// below a minimum age, a longer infusion for small children, a factor for a band of kidney function or after toxicity,
/// a caution in renal or hepatic impairment). Every dosage text ends with its citation.
/// </summary>
internal static class GuidelineBuilder
{
    private static readonly CodeableConcept Age = new(FhirUrls.Loinc, "30525-0", "Age", "Age");
    private static readonly CodeableConcept Weight = new(FhirUrls.Loinc, "29463-7", "Body weight", "Body weight");

    // No code: the engine's kidney function is an estimate (Cockcroft-Gault, or bedside Schwartz under 18), and a LOINC for
    // a measured clearance would claim more than the rules say.
    private static readonly CodeableConcept KidneyFunction = new() { Text = "Kidney function (estimated creatinine clearance, mL/min)" };
    private static readonly CodeableConcept HepaticImpairment = new() { Text = "Mild to moderate hepatic impairment" };
    private static readonly CodeableConcept PriorToxicity = new() { Text = "Significant toxicity in a previous cycle" };

    public static List<MedicationKnowledge.AdministrationGuidelinesComponent> For(DrugProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var guidelines = new List<MedicationKnowledge.AdministrationGuidelinesComponent>();
        guidelines.AddRange(profile.Regimens.Select(FromRegimen));
        guidelines.AddRange((profile.Dosing?.Regimens ?? []).Select(FromDoseRule));
        if (profile.AgeNotEstablished is { } limit)
        {
            guidelines.Add(Advice(
                "Safety and efficacy not established",
                Invariant($"Safety and efficacy are not established below {limit.BelowYears} years: Formulary computes no dose."),
                limit.Source,
                [Characteristic(Age, [Invariant($"<{limit.BelowYears} a")])]));
        }

        if (profile.SmallPatientInfusion is { } small)
        {
            guidelines.Add(Advice(
                "Infusion for small patients",
                small.Advice,
                small.Source,
                [Characteristic(Weight, [Invariant($"<{small.WeightBelowKg} kg")])]));
        }

        // What changes the dose for a group of patients: each band of kidney function (both ends included, as the engine
        // applies them), the cautions, and the reduction after toxicity; the factor as the rules state it, nothing computed.
        foreach (var band in profile.Renal?.Bands ?? [])
        {
            guidelines.Add(Advice(
                "Renal dose adjustment",
                Invariant($"Kidney function {band.MinMlMin}-{band.MaxMlMin} mL/min: give {band.Factor} × the dose ({band.Code})."),
                band.Source,
                [Characteristic(KidneyFunction, [Invariant($">={band.MinMlMin} mL/min"), Invariant($"<={band.MaxMlMin} mL/min")])]));
        }

        if (profile.Renal?.Caution is { } renalCaution)
        {
            guidelines.Add(Advice("Renal caution", Capitalized(renalCaution.Text), renalCaution.Source, [Characteristic(KidneyFunction, [])]));
        }

        if (profile.Hepatic?.Caution is { } hepaticCaution)
        {
            guidelines.Add(Advice("Hepatic caution", Capitalized(hepaticCaution.Text), hepaticCaution.Source, [Characteristic(HepaticImpairment, [])]));
        }

        if (profile.Toxicity is { } toxicity)
        {
            guidelines.Add(Advice(
                "Dose after toxicity",
                Invariant($"After significant toxicity in a previous cycle: give {toxicity.Factor} × the dose."),
                toxicity.Source,
                [Characteristic(PriorToxicity, [])]));
        }

        return guidelines;
    }

    /// <summary>A schema-1 regimen: an amount per day (mg/m² or mg/kg) once daily, for N days.</summary>
    private static MedicationKnowledge.AdministrationGuidelinesComponent FromRegimen(Regimen regimen)
    {
        var unit = regimen.Basis == DoseBasis.PerSquareMetre ? "mg/m2" : "mg/kg";
        var dosage = new Dosage
        {
            Text = Cited(Invariant($"{regimen.Label}: {regimen.AmountMg} {regimen.BasisUnit} {regimen.Route}")
                + (regimen.InfusionHours is { } h ? Invariant($" over {h} hours") : string.Empty)
                + " once daily"
                + (regimen.Days is { } d ? Invariant($" for {d} consecutive days") : string.Empty)
                + (regimen.Approved ? "." : " (not approved: off-label use)."), regimen.Source),
            Route = new CodeableConcept { Text = regimen.Route },
            Timing = new Timing
            {
                Repeat = new Timing.RepeatComponent
                {
                    Frequency = 1,
                    Period = 1,
                    PeriodUnit = Timing.UnitsOfTime.D,
                    Bounds = regimen.Days is { } days ? Duration(days, "d", "days") : null,
                    Duration = regimen.InfusionHours,
                    DurationUnit = regimen.InfusionHours is null ? null : Timing.UnitsOfTime.H,
                },
            },
            DoseAndRate = [new Dosage.DoseAndRateComponent { Dose = Ucum(regimen.AmountMg, unit) }],
            MaxDosePerPeriod = regimen.MaxDailyMg is { } max ? PerDay(max) : null,
        };
        if (regimen.Cycle is { } cycle)
        {
            var criteria = string.Join("; ", cycle.Criteria.Select(c => c.Text));
            dosage.AdditionalInstruction.Add(new CodeableConcept
            {
                Text = Cited(Invariant($"Repeat every {cycle.MinWeeks}-{cycle.MaxWeeks} weeks from day 1 of the previous cycle, once: {criteria}."), cycle.Source),
            });
        }

        var characteristics = new List<MedicationKnowledge.PatientCharacteristicsComponent>();
        if (AgeValues(regimen.Ages.MinYears, regimen.Ages.BelowYears, "a") is { Count: > 0 } ages)
        {
            characteristics.Add(Characteristic(Age, ages));
        }

        return new MedicationKnowledge.AdministrationGuidelinesComponent
        {
            Indication = new CodeableConcept { Text = Indication(regimen.Indication ?? regimen.Label, regimen.Approved) },
            Dosage = [new MedicationKnowledge.DosageComponent { Type = DosageType(regimen.Approved), Dosage = [dosage] }],
            PatientCharacteristics = characteristics,
        };
    }

    /// <summary>A schema-2 regimen: a value or range per dose (doseQuantity/doseRange) or per day (rateQuantity/rateRange in …/d).</summary>
    private static MedicationKnowledge.AdministrationGuidelinesComponent FromDoseRule(DoseRule rule)
    {
        var dosage = new Dosage
        {
            Text = Cited(DoseRuleText(rule), rule.Source),
            Route = rule.Route is { } route ? new CodeableConcept { Text = route } : null,
            Timing = TimingOf(rule),
        };
        if (rule.Basis != RegimenBasis.CalvertAuc)
        {
            // A target AUC is not an amount: it stays in the text (the dose needs the patient's GFR).
            var unit = RegimenBasisNames.Wire(rule.Basis) + (rule.Per == AmountPer.Day ? "/d" : string.Empty);
            var amount = rule.Amount.Min == rule.Amount.Max ? (DataType)Ucum(rule.Amount.Min, unit) : new Hl7.Fhir.Model.Range { Low = Ucum(rule.Amount.Min, unit), High = Ucum(rule.Amount.Max, unit) };
            dosage.DoseAndRate = [rule.Per == AmountPer.Day ? new Dosage.DoseAndRateComponent { Rate = amount } : new Dosage.DoseAndRateComponent { Dose = amount }];
        }

        if (rule.MaxPerDoseMg is { } perDose)
        {
            dosage.MaxDosePerAdministration = Ucum(perDose, "mg");
        }

        if (rule.MaxPerDayMg is { } perDay)
        {
            dosage.MaxDosePerPeriod = PerDay(perDay);
        }

        var population = rule.Population;
        var characteristics = new List<MedicationKnowledge.PatientCharacteristicsComponent>();
        var ageUnit = population.AgeUnit switch { AgeUnit.Days => "d", AgeUnit.Months => "mo", _ => "a" };
        if (AgeValues(population.AgeMin, population.AgeBelow, ageUnit) is { Count: > 0 } ages)
        {
            characteristics.Add(Characteristic(Age, ages));
        }

        if (AgeValues(population.WeightMinKg, population.WeightBelowKg, "kg") is { Count: > 0 } weights)
        {
            characteristics.Add(Characteristic(Weight, weights));
        }

        return new MedicationKnowledge.AdministrationGuidelinesComponent
        {
            Indication = new CodeableConcept { Text = rule.Use ?? rule.Label },
            Dosage = [new MedicationKnowledge.DosageComponent { Type = new CodeableConcept { Text = population.ToString() }, Dosage = [dosage] }],
            PatientCharacteristics = characteristics,
        };
    }

    private static string DoseRuleText(DoseRule rule)
    {
        var amount = Invariant($"{rule.Amount} {RegimenBasisNames.Unit(rule.Basis)}") + (rule.Per == AmountPer.Day ? " per day" : " per dose");
        var parts = new List<string> { Invariant($"{rule.Label}: {amount}") };
        if (rule.DividedDoses is { } divided)
        {
            parts.Add(Invariant($"divided into {divided} doses"));
        }

        if (rule.IntervalHours is { } interval)
        {
            parts.Add(Invariant($"every {interval} hours"));
        }

        if (rule.TimesPerDay is { } times)
        {
            parts.Add(Invariant($"{times} times a day"));
        }

        parts.AddRange(new[] { rule.Schedule, rule.Duration, rule.Route }.OfType<string>());
        if (rule.InfusionHours is { } hours)
        {
            parts.Add(Invariant($"infused over {hours} hours"));
        }

        if (rule.MaxPerDayMgPerKg is { } perKg)
        {
            parts.Add(Invariant($"at most {perKg} mg/kg per day"));
        }

        if (rule.GfrCapMlMin is { } cap)
        {
            parts.Add(Invariant($"GFR capped at {cap} mL/min"));
        }

        return string.Join(", ", parts) + ".";
    }

    private static Timing? TimingOf(DoseRule rule)
    {
        var repeat = new Timing.RepeatComponent();
        var any = false;
        if (rule.IntervalHours is { } interval)
        {
            repeat.Period = interval.Min;
            repeat.PeriodMax = interval.Max == interval.Min ? null : interval.Max;
            repeat.PeriodUnit = Timing.UnitsOfTime.H;
            any = true;
        }
        else if ((rule.TimesPerDay ?? rule.DividedDoses) is { } perDay)
        {
            repeat.Frequency = perDay;
            repeat.Period = 1;
            repeat.PeriodUnit = Timing.UnitsOfTime.D;
            any = true;
        }

        if (rule.Days is { } days)
        {
            repeat.Bounds = Duration(days, "d", "days");
            any = true;
        }

        if (rule.InfusionHours is { } hours)
        {
            repeat.Duration = hours;
            repeat.DurationUnit = Timing.UnitsOfTime.H;
            any = true;
        }

        return !any ? null : new Timing { Repeat = repeat };
    }

    private static MedicationKnowledge.AdministrationGuidelinesComponent Advice(string type, string text, Citation source, List<MedicationKnowledge.PatientCharacteristicsComponent> characteristics) => new()
    {
        Dosage = [new MedicationKnowledge.DosageComponent { Type = new CodeableConcept { Text = type }, Dosage = [new Dosage { Text = Cited(text, source) }] }],
        PatientCharacteristics = characteristics,
    };

    /// <summary>"&gt;=1 a" and "&lt;22 a": comparator, number (invariant), UCUM unit (documented in ADR 0011).</summary>
    private static List<string> AgeValues(decimal? min, decimal? below, string unit)
    {
        var values = new List<string>();
        if (min is { } m)
        {
            values.Add(Invariant($">={m} {unit}"));
        }

        if (below is { } b)
        {
            values.Add(Invariant($"<{b} {unit}"));
        }

        return values;
    }

    private static MedicationKnowledge.PatientCharacteristicsComponent Characteristic(CodeableConcept what, List<string> values) =>
        new() { Characteristic = (CodeableConcept)what.DeepCopy(), ValueElement = [.. values.Select(v => new FhirString(v))] };

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static CodeableConcept DosageType(bool approved) => new() { Text = approved ? "Approved use" : "Off-label use (not approved)" };

    private static string Indication(string text, bool approved) => approved ? text : text + " (off-label)";

    public static string Cited(string text, Citation source) => Invariant($"{text} Source: {source.Section}: \"{source.Quote}\"");

    private static Quantity Ucum(decimal value, string code) => new() { Value = value, Unit = code, System = FhirUrls.Ucum, Code = code };

    private static Duration Duration(decimal value, string code, string unit) => new() { Value = value, Unit = unit, System = FhirUrls.Ucum, Code = code };

    private static Ratio PerDay(decimal mg) => new() { Numerator = Ucum(mg, "mg"), Denominator = new Quantity { Value = 1, Unit = "d", System = FhirUrls.Ucum, Code = "d" } };
}
