using Formulary.Clinical.Calculators;
using Formulary.Clinical.Dosing;
using Formulary.Clinical.Patients;
using Formulary.Clinical.Profiles;
using Formulary.Clinical.Quantities;
using Formulary.Clinical.References;

namespace Formulary.Clinical.Regimens;

/// <summary>
/// Computes every general (schema 2) regimen that applies to one patient: the per-dose and per-day
/// range, the maxima for this patient (the lower of mg/kg/day × weight and the absolute cap), the
/// interval, and the renal, hepatic and toxicity adjustments. Order: amount × size → maxima →
/// adjustments → maxima again → one rounding. Every step goes to the trace with its citation.
/// </summary>
internal static class RegimenCalculator
{
    /// <summary>The regimens computed, and the refusals (a regimen whose dose rounds to 0 mg): any refusal refuses the answer.</summary>
    public sealed record Results(IReadOnlyList<RegimenDose> Doses, IReadOnlyList<FieldError> Refusals);

    public static Results Compute(Patient patient, DosingRules rules, RenalEstimate? renal, DosePolicy policy, AnswerBuilder answer)
    {
        var doses = new List<RegimenDose>();
        var refusals = new List<FieldError>();
        IReadOnlyList<RegimenAdjustments.Applied>? adjustments = null;
        foreach (var rule in rules.Regimens)
        {
            if (!rule.Population.Contains(patient))
            {
                answer.Step(Invariant($"Regimen '{rule.Label}' is for {rule.Population}: it does not apply to this patient."));
                continue;
            }

            if (!Bounded(rule, patient, answer))
            {
                continue;
            }

            answer.Step(Invariant($"Regimen '{rule.Label}' ({rule.Population}): {rule.Amount} {RegimenBasisNames.Unit(rule.Basis)} per {(rule.Per == AmountPer.Dose ? "dose" : "day")}.") + AnswerBuilder.Cite(rule.Source));
            adjustments ??= RegimenAdjustments.For(patient, rules, renal, answer);
            doses.Add(One(patient, rule, adjustments, renal, policy, answer, refusals));
        }

        if (doses.Count == 0)
        {
            answer.Withhold(AlertCodes.NoRegimenForAge, Invariant($"No regimen in the monograph covers this patient (age {patient.Age}, weight {patient.Weight?.ToString() ?? "not given"}); no dose is computed."), MethodReferences.MonographSilent);
        }

        return new(doses, refusals);
    }

    private static RegimenDose One(Patient patient, DoseRule rule, IReadOnlyList<RegimenAdjustments.Applied> adjustments, RenalEstimate? renal, DosePolicy policy, AnswerBuilder answer, List<FieldError> refusals)
    {
        var entry = new RegimenDose
        {
            Id = rule.Id,
            Label = rule.Label,
            Population = rule.Population.ToString(),
            Use = rule.Use,
            Route = rule.Route,
            Basis = RegimenBasisNames.Wire(rule.Basis),
            IntervalHours = rule.IntervalHours,
            TimesPerDay = rule.TimesPerDay,
            Days = rule.Days,
            MaxPerDoseMg = rule.MaxPerDoseMg,
            Source = rule.Source,
        };
        var maxPerDay = MaxPerDay(patient, rule, answer);
        entry = entry with { MaxPerDayMg = maxPerDay is { } m ? Round(m, policy) : null };
        var size = RegimenSize.Of(patient, rule, renal, policy, answer);
        var shown = adjustments.Select(a => new RegimenAdjustment(a.Kind, AdjustmentActionNames.Wire(a.Adjustment.Action), a.Adjustment.Value, a.Reason, a.Adjustment.Source)).ToList();
        entry = entry with { Adjustments = shown };
        if (adjustments.FirstOrDefault(a => a.Adjustment.Action == AdjustmentAction.Avoid) is { } avoid)
        {
            answer.Alert(AlertSeverity.Critical, AlertCodes.RegimenAvoid, Invariant($"The monograph says to avoid {rule.Label} here ({avoid.Reason}): no dose is computed for it."), avoid.Adjustment.Source);
            return entry;
        }

        foreach (var monitor in adjustments.Where(a => a.Adjustment.Action == AdjustmentAction.MonitorLevels))
        {
            answer.Alert(AlertSeverity.Warning, AlertCodes.MonitorLevels, Invariant($"Monitor drug levels ({monitor.Reason})."), monitor.Adjustment.Source);
        }

        if (size is not { } multiplier)
        {
            return entry;
        }

        var amount = rule.Amount;
        var interval = rule.IntervalHours;
        var times = rule.TimesPerDay;
        foreach (var replacement in adjustments.Where(a => a.Adjustment.Action == AdjustmentAction.ReplacementDose && a.Adjustment.Value is not null))
        {
            amount = replacement.Adjustment.Value!;
            interval = replacement.Adjustment.IntervalHours ?? interval;
            times = replacement.Adjustment.IntervalHours is null ? times : null;
            answer.Step(Invariant($"[{rule.Id}] Replacement dose for {replacement.Reason}: {amount} {RegimenBasisNames.Unit(rule.Basis)}{(replacement.Adjustment.IntervalHours is { } h ? Invariant($" every {h} hours") : string.Empty)}.") + AnswerBuilder.Cite(replacement.Adjustment.Source));
        }

        foreach (var extend in adjustments.Where(a => a.Adjustment.Action == AdjustmentAction.ExtendInterval && a.Adjustment.Value is not null))
        {
            interval = extend.Adjustment.Value!;
            times = null;
            answer.Step(Invariant($"[{rule.Id}] Interval extended to every {interval} hours for {extend.Reason}.") + AnswerBuilder.Cite(extend.Adjustment.Source));
        }

        var raw = amount.Times(multiplier);
        answer.Step(Invariant($"[{rule.Id}] {amount} {RegimenBasisNames.Unit(rule.Basis)} × {multiplier:0.####} = {raw} mg per {(rule.Per == AmountPer.Dose ? "dose" : "day")}."));
        var factor = Factor(rule, adjustments, answer);
        var (perDose, perDay) = Split(rule, raw, factor, interval, times, maxPerDay, answer);
        var (dose, day) = (RoundEnds(perDose, policy), RoundEnds(perDay, policy));
        var ends = new[] { ("per dose ", dose), ("per day ", day) }
            .Where(e => e.Item2 is not null)
            .SelectMany(e => new[] { (What: e.Item1, Outcome: e.Item2!.Value.Min), (What: e.Item1, Outcome: e.Item2!.Value.Max) })
            .ToList();
        if (ends.FirstOrDefault(e => e.Outcome.IsZero) is { Outcome: not null } zero)
        {
            refusals.Add(new FieldError(PatientField.RoundingIncrement, Invariant($"'{rule.Label}': ") + DoseRounding.ZeroMessage(zero.Outcome.Calculated, policy, zero.What)));
            return entry;
        }

        var farthest = ends.Count == 0 ? null : ends.MaxBy(e => Math.Abs(e.Outcome.PercentChange)).Outcome;
        var rounded = entry with
        {
            PerDoseMg = Given(dose),
            PerDayMg = Given(day),
            CalculatedPerDoseMg = Shown(perDose),
            CalculatedPerDayMg = Shown(perDay),
            RoundingIncrementMg = policy.RoundingIncrementMg,
            PercentChange = farthest?.PercentChange,
            IntervalHours = interval,
            TimesPerDay = times,
        };
        answer.Step(Invariant($"[{rule.Id}] Rounded once to a multiple of {policy.RoundingIncrementMg} mg: per dose {Show(perDose)} → {Show(rounded.PerDoseMg)}, per day {Show(perDay)} → {Show(rounded.PerDayMg)} (largest change {farthest?.PercentChange ?? 0m:+0.0;-0.0;0.0}%)."));
        if (farthest is not null)
        {
            DoseRounding.WarnWhenFar(farthest, policy, answer, Invariant($"'{rule.Label}' "));
        }

        return rounded;
    }

    /// <summary>Both ends of a range rounded once by the policy; null when the range is not computed.</summary>
    private static (DoseRounding.Outcome Min, DoseRounding.Outcome Max)? RoundEnds(ValueRange? range, DosePolicy policy) =>
        range is null ? null : (DoseRounding.Apply(Dose.FromMilligrams(range.Min), policy), DoseRounding.Apply(Dose.FromMilligrams(range.Max), policy));

    private static ValueRange? Given((DoseRounding.Outcome Min, DoseRounding.Outcome Max)? ends) =>
        ends is var (min, max) ? new ValueRange(min.Rounded.Milligrams, max.Rounded.Milligrams) : null;

    /// <summary>A calculated (unrounded) range as the answer shows it: to 0.0001 mg.</summary>
    private static ValueRange? Shown(ValueRange? range) =>
        range is null ? null : new ValueRange(Math.Round(range.Min, 4, MidpointRounding.AwayFromZero), Math.Round(range.Max, 4, MidpointRounding.AwayFromZero));

    /// <summary>
    /// A regimen whose population states no age or weight band would apply to everyone. When its heading names a
    /// group the patient is not in ("adults" for a child, "children" for an adult) it is not computed; otherwise it
    /// is, with a warning. Either way the editor is told to add the band the monograph states.
    /// </summary>
    private static bool Bounded(DoseRule rule, Patient patient, AnswerBuilder answer)
    {
        var population = rule.Population;
        if (population.AgeMin is not null || population.AgeBelow is not null || population.WeightMinKg is not null || population.WeightBelowKg is not null)
        {
            return true;
        }

        var label = population.Label?.ToLowerInvariant() ?? string.Empty;
        var saysAdults = label.Contains("adult", StringComparison.Ordinal);
        var saysChildren = new[] { "child", "pediatric", "paediatric", "infant", "neonat", "newborn", "adolescent" }.Any(w => label.Contains(w, StringComparison.Ordinal));
        var isAdult = patient.Age.Years >= RenalCalculator.AdultFromYears;
        if ((saysAdults && !isAdult) || (saysChildren && isAdult))
        {
            answer.Alert(
                AlertSeverity.Warning,
                AlertCodes.RegimenPopulationUnbounded,
                Invariant($"'{rule.Label}' is for {population.Label} but its rule states no age band: it is not computed for a patient of {patient.Age.Years:0.##} years. The rules need the age band the monograph states."),
                rule.Source);
            return false;
        }

        answer.Alert(
            AlertSeverity.Warning,
            AlertCodes.RegimenPopulationUnbounded,
            Invariant($"'{rule.Label}' states no age or weight band, so it is computed for every patient, this one ({patient.Age.Years:0.##} years) included: check that the monograph means it for this patient."),
            rule.Source);
        return true;
    }

    /// <summary>The dose factor range from percent-of-dose and reduce-by adjustments, multiplied when several apply (and said so).</summary>
    private static ValueRange Factor(DoseRule rule, IReadOnlyList<RegimenAdjustments.Applied> adjustments, AnswerBuilder answer)
    {
        var factor = ValueRange.Of(1m);
        var count = 0;
        foreach (var applied in adjustments)
        {
            var value = applied.Adjustment.Value;
            ValueRange? step = (applied.Adjustment.Action, value) switch
            {
                (AdjustmentAction.PercentOfDose, { } v) => new ValueRange(v.Min / 100m, v.Max / 100m),
                (AdjustmentAction.ReduceByPercent, { } v) => new ValueRange(1m - (v.Max / 100m), 1m - (v.Min / 100m)),
                _ => null,
            };
            if (step is null)
            {
                continue;
            }

            count++;
            factor = new ValueRange(factor.Min * step.Min, factor.Max * step.Max);
            answer.Step(Invariant($"[{rule.Id}] Adjustment ({applied.Kind}, {AdjustmentActionNames.Wire(applied.Adjustment.Action)} {value}): × {step} for {applied.Reason}.") + AnswerBuilder.Cite(applied.Adjustment.Source));
        }

        if (count > 1)
        {
            answer.Alert(AlertSeverity.Info, AlertCodes.AdjustmentsCombined, Invariant($"{count} reductions apply to '{rule.Label}'; the monograph does not say how they combine, so Formulary multiplies them (× {factor})."), MethodReferences.MonographSilent);
        }

        return factor;
    }

    /// <summary>
    /// Per-dose and per-day ranges from the amount, its per, the divided doses and the doses a day the
    /// interval allows. The stated amount is capped first (per dose, or per day), then the other is derived and capped too.
    /// </summary>
    private static (ValueRange? PerDose, ValueRange? PerDay) Split(DoseRule rule, ValueRange raw, ValueRange factor, ValueRange? interval, int? times, decimal? maxPerDay, AnswerBuilder answer)
    {
        var adjusted = new ValueRange(raw.Min * factor.Min, raw.Max * factor.Max);
        if (factor != ValueRange.Of(1m))
        {
            answer.Step(Invariant($"[{rule.Id}] Adjusted: {raw} mg × {factor} = {adjusted} mg."));
        }

        var doseCap = Lower(rule.MaxPerDoseMg, maxPerDay);
        var dosesPerDay = DosesPerDay(rule.DividedDoses ?? times, interval);
        if (rule.Per == AmountPer.Dose)
        {
            var perDose = Cap(adjusted, doseCap, "per dose", rule, answer)!;
            var perDay = dosesPerDay is { } n ? new ValueRange(perDose.Min * n.Min, perDose.Max * n.Max) : null;
            if (perDay is not null)
            {
                answer.Step(Invariant($"[{rule.Id}] Per day = {perDose} mg × {dosesPerDay} doses = {perDay} mg."));
            }

            return (perDose, Cap(perDay, maxPerDay, "per day", rule, answer));
        }

        var day = Cap(adjusted, maxPerDay, "per day", rule, answer)!;
        var dose = dosesPerDay is { } d ? new ValueRange(day.Min / d.Max, day.Max / d.Min) : null;
        if (dose is not null)
        {
            answer.Step(Invariant($"[{rule.Id}] Per dose = {day} mg / {dosesPerDay} doses = {dose} mg."));
        }

        return (Cap(dose, doseCap, "per dose", rule, answer), day);
    }

    /// <summary>Doses a day: stated, or 24 / interval when the interval divides the day (every 36 hours gives none).</summary>
    private static ValueRange? DosesPerDay(int? stated, ValueRange? interval)
    {
        if (stated is { } n)
        {
            return ValueRange.Of(n);
        }

        if (interval is { } i && i.Max <= 24m && i.Min > 0m && 24m % i.Min == 0m && 24m % i.Max == 0m)
        {
            return new ValueRange(24m / i.Max, 24m / i.Min);
        }

        return null;
    }

    private static decimal? MaxPerDay(Patient patient, DoseRule rule, AnswerBuilder answer)
    {
        decimal? byWeight = rule.MaxPerDayMgPerKg is { } perKg && patient.Weight is { } weight ? perKg * weight.Kilograms : null;
        var lower = Lower(byWeight, rule.MaxPerDayMg);
        if (byWeight is { } w && rule.MaxPerDayMg is { } cap)
        {
            answer.Step(Invariant($"[{rule.Id}] Maximum per day for this patient = lower of {rule.MaxPerDayMgPerKg} mg/kg/day × {patient.Weight!.Value.Kilograms:0.###} kg = {w:0.####} mg and {cap} mg = {lower:0.####} mg.") + AnswerBuilder.Cite(rule.Source));
        }
        else if (lower is { } only)
        {
            answer.Step(Invariant($"[{rule.Id}] Maximum per day for this patient = {only:0.####} mg.") + AnswerBuilder.Cite(rule.Source));
        }

        return lower;
    }

    private static ValueRange? Cap(ValueRange? range, decimal? max, string what, DoseRule rule, AnswerBuilder answer)
    {
        if (range is null || max is not { } m || range.Max <= m)
        {
            return range;
        }

        answer.Alert(AlertSeverity.Warning, AlertCodes.MaxDoseCapped, Invariant($"'{rule.Label}': {range} mg {what} is above the maximum of {m:0.####} mg {what}; capped."), rule.Source);
        return new ValueRange(Math.Min(range.Min, m), m);
    }

    private static decimal? Lower(decimal? a, decimal? b) => (a, b) switch
    {
        ({ } x, { } y) => Math.Min(x, y),
        ({ } x, null) => x,
        (null, { } y) => y,
        _ => null,
    };

    private static decimal Round(decimal mg, DosePolicy policy) => DoseRounding.Apply(Dose.FromMilligrams(mg), policy).Rounded.Milligrams;

    private static string Show(ValueRange? range) => range is null ? "not computed" : Invariant($"{Shown(range)} mg");
}
