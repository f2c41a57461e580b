using Formulary.Clinical;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Formulary.Clinical.Dosing;
using Formulary.Clinical.Patients;
using Formulary.Monographs;
using Formulary.Storage.Rules;
using Formulary.Web.Fhir;
using Hl7.Fhir.Model;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// Turns the outcome for one order into a card. A card's indicator is the most urgent of its findings, and its
/// summary leads with that finding: <c>critical</c> for a contraindication and for any critical alert the card holds
/// (a regimen the monograph says to avoid, a dose withheld by a rule), always with override reasons; <c>warning</c> for
/// a dose adjusted, off-label use, an ordered dose that differs from the computed one or that is not compared
/// (<see cref="OrderCheck"/>), a data problem, a dose the patient data refused, or an order whose names point to
/// different drugs; <c>info</c> for a computed dose with nothing to act on, and for an order Formulary cannot check (said so, never silent). Every card links to the monograph on this server.
/// </summary>
internal sealed class CardBuilder(string hookInstance, string baseUrl)
{
    public const string OverrideSystem = "urn:formulary:cds-hooks:override-reason";

    private static readonly IReadOnlyList<CardCoding> OverrideReasons =
    [
        new("benefit-outweighs-risk", OverrideSystem, "Benefit outweighs the risk (specialist decision)"),
        new("record-data-wrong", OverrideSystem, "The patient data in the record is wrong"),
        new("reviewed-with-pharmacy", OverrideSystem, "Reviewed with pharmacy or the prescribing team"),
    ];

    public Card NotMatched(MedicationMatch match, int order) => match.Conflict.Count > 0 ? Conflicting(match, order) : new()
    {
        Uuid = Id(order, "not-matched"),
        Kind = "not-matched",
        Summary = CardText.Summary(match.Ambiguous.Count > 0
            ? $"Not checked: '{match.Ordered}' matches more than one Formulary monograph"
            : $"Not checked: Formulary has no monograph for '{match.Ordered}'"),
        Detail = match.Ambiguous.Count > 0
            ? $"The order's medication **{CardText.Escape(match.Ordered)}** matches {string.Join(" and ", match.Ambiguous.Select(CardText.Escape))} equally well, so no dose check was done. Name the drug as one of them."
            : $"Formulary found no monograph for **{CardText.Escape(match.Ordered)}** (matched on the medication's text and display names), so no dose check was done: this is not a statement that the order is right.",
        Indicator = "info",
        Source = new CardSource("Formulary", baseUrl + "/search?q=" + Uri.EscapeDataString(match.Ordered)),
    };

    /// <summary>
    /// The order's code and names point to different drugs: a <c>warning</c> (the order itself is wrong, and whoever reads
    /// one of its names may give the other drug) naming what each matched; nothing is dosed.
    /// </summary>
    private Card Conflicting(MedicationMatch match, int order)
    {
        var detail = CardText.Detail().Append("The order names different drugs, so no dose check was done: which drug is meant cannot be told.\n\n");
        foreach (var said in match.Conflict)
        {
            CardText.AppendEscaped(detail.Append("- "), said).Append('\n');
        }

        detail.Append("\nCorrect the order so that its code, text and displays name one drug.");
        return new Card
        {
            Uuid = Id(order, "conflict"),
            Kind = "conflict",
            Summary = CardText.Summary($"Not checked: the order's medication names different drugs ({string.Join(", ", match.Conflict)})"),
            Detail = CardText.Finish(detail),
            Indicator = "warning",
            Source = new CardSource("Formulary", baseUrl + "/search?q=" + Uri.EscapeDataString(match.Ordered)),
        };
    }

    public Card NoRules(MedicationMatch match, DrugRules rules, int order) => new()
    {
        Uuid = Id(order, "no-rules"),
        Kind = "no-rules",
        Summary = CardText.Summary(rules.HasRules
            ? $"Not checked: the dose rules for {match.Title} are not usable ({(rules.Draft is not null ? "unreviewed draft" : "errors")})"
            : $"Not checked: the {match.Title} monograph has no computable dose rules"),
        Detail = rules.HasRules
            ? (rules.Draft is not null
                ? "The dose rules for this drug are a machine-read draft that no editor has reviewed, so no dose is computed for a patient."
                : $"The dose rules stored with this monograph do not load ({CardText.Escape(rules.ProblemsText)}), so no dose is computed.")
            : "The monograph has no dose rules file, so Formulary computes no dose for it; read its Dosage section.",
        Indicator = rules.HasRules ? "warning" : "info",
        Source = Source(match),
        Slug = match.Slug,
    };

    /// <summary>The record's data cannot give a dose; the screening done with what could be read rides along.</summary>
    public Card DataProblems(MedicationMatch match, IReadOnlyList<string> problems, DoseAnswer? screening, PregnancyReading pregnancy, int order) =>
        WithPregnancy(DataProblems(match, problems, screening, order), match.Title!, pregnancy, screening?.Alerts);

    private Card DataProblems(MedicationMatch match, IReadOnlyList<string> problems, DoseAnswer? screening, int order)
    {
        var contraindicated = screening?.Status == AnswerStatus.Contraindicated;
        var critical = Critical(screening);
        var detail = CardText.Detail();
        detail.Append(Invariant($"No dose is computed for **{CardText.Escape(match.Title!)}**: the patient data in the record cannot be used as it is.\n\n"));
        foreach (var problem in problems)
        {
            detail.Append("- ").Append(CardText.Escape(problem)).Append('\n');
        }

        if (critical.Count > 0)
        {
            detail.Append(contraindicated
                ? "\nWith the data that could be read, the drug is **contraindicated**:\n\n"
                : "\nWith the data that could be read, no dose would be computed either:\n\n");
            AppendAlerts(detail, critical);
        }

        return Urgent(
            new Card
            {
                Uuid = Id(order, "data"),
                Kind = "data",
                Summary = CardText.Summary(contraindicated
                    ? $"{match.Title} is contraindicated; no dose computed: {problems[0]}"
                    : $"{match.Title}: no dose computed: {(critical.Count > 0 ? critical[0].Message : problems[0])}"),
                Detail = CardText.Finish(detail),
                Indicator = "warning",
                Source = Source(match),
                Slug = match.Slug,
            },
            critical);
    }

    /// <param name="pregnancy">What the record's pregnancy status gave the screen, or why it was not used; shown, never a reason to withhold the dose.</param>
    public Card Answer(MedicationRequest request, MedicationMatch match, DoseAnswer answer, PatientInput input, PregnancyReading pregnancy, int order) => WithPregnancy(answer.Status switch
    {
        AnswerStatus.Contraindicated => Contraindicated(match, answer, input, order),
        AnswerStatus.Ok => Dose(request, match, answer, input, order),
        _ => NoDose(match, answer, input, order),
    }, match.Title!, pregnancy, answer.Alerts);

    /// <summary>
    /// How an order not written as R4 was read, under its own heading; an <c>info</c> card becomes a <c>warning</c>
    /// (a data problem the EHR should fix), a <c>warning</c> or <c>critical</c> one keeps its indicator.
    /// </summary>
    public static Card WithReadNote(Card card, string? note) =>
        note is null
            ? card
            : card with
            {
                Detail = Headed(card.Detail, "How the order was read", [note]),
                Indicator = AtLeastWarning(card.Indicator),
            };

    /// <summary>
    /// A card for one of several orders of the same drug in one call: its summary and detail say so, and an <c>info</c> card
    /// becomes a <c>warning</c>. Each card checks its own order alone, so two orders that each agree with the computed dose
    /// give twice that dose together; the card says so without adding them up (their schedules may differ).
    /// </summary>
    /// <param name="orders">How the call names each order of the drug (its id, else its place in the draft orders).</param>
    public static Card WithRepeatedDrug(Card card, string title, IReadOnlyList<string> orders) =>
        card with
        {
            Summary = CardText.Summary(Invariant($"{title} ordered {orders.Count} times: check for a duplicate. {card.Summary}")),
            Detail = Headed(card.Detail, "Ordered more than once", [Invariant($"{title} is in {orders.Count} of these orders ({string.Join(", ", orders)}). This card checks this order alone; together the orders give more of the drug than any one of them does. Check that each order is meant.")]),
            Indicator = AtLeastWarning(card.Indicator),
        };

    /// <summary>An <c>info</c> card raised to <c>warning</c>; a <c>warning</c> or <c>critical</c> one kept.</summary>
    private static string AtLeastWarning(string indicator) => indicator == "info" ? "warning" : indicator;

    /// <summary>
    /// The record's pregnancy status on a card. Read and used: a note under "From the record". Held but not used: said first,
    /// in the summary and at the top of the detail, and the card is at least a warning ("not asked" must not read as "no").
    /// When that unused answer says pregnant and the engine's pregnancy screen guards a contraindication (its not-asked
    /// warning is in <paramref name="alerts"/>), the card is critical with override reasons and offers no dose change:
    /// refused for its form, the answer may well be true.
    /// </summary>
    private static Card WithPregnancy(Card card, string title, PregnancyReading pregnancy, IReadOnlyList<AnswerAlert>? alerts)
    {
        if (pregnancy.Note is not { } note)
        {
            return card;
        }

        if (!pregnancy.NotUsed)
        {
            return card with { Detail = Headed(card.Detail, "From the record", [note]) };
        }

        var guarded = pregnancy.MaySayPregnant && alerts?.Any(a => a.Code == AlertCodes.PregnancyNotAsked) == true;
        var (heading, summary) = (pregnancy.MaySayPregnant, guarded) switch
        {
            (_, true) => ("The record may say pregnant, and pregnancy contraindicates this drug", $"{title} may be contraindicated: the record may say pregnant (not usable as recorded); confirm before ordering."),
            (true, false) => ("The record may say pregnant: its pregnancy status was not used", $"The record may say pregnant (not usable as recorded); confirm. {card.Summary}"),
            _ => ("The record's pregnancy status was not used", $"Pregnancy status in the record not used: ask. {card.Summary}"),
        };
        var detail = CardText.Finish(AppendHeaded(CardText.Detail(), heading, [note]).Append('\n').Append(card.Detail));
        return card with
        {
            Summary = CardText.Summary(summary),
            Detail = detail,
            Indicator = guarded ? "critical" : AtLeastWarning(card.Indicator),
            OverrideReasons = guarded ? OverrideReasons : card.OverrideReasons,
            Suggestions = guarded ? null : card.Suggestions,
            SelectionBehavior = guarded ? null : card.SelectionBehavior,
        };
    }

    /// <summary>The detail with a bold heading and the notes, escaped, as a list under it.</summary>
    private static string Headed(string? detail, string heading, IReadOnlyList<string> notes) =>
        CardText.Finish(AppendHeaded(CardText.Detail().Append(detail).Append('\n'), heading, notes));

    private static StringBuilder AppendHeaded(StringBuilder text, string heading, IReadOnlyList<string> notes)
    {
        text.Append("**").Append(heading).Append("**\n\n");
        foreach (var note in notes)
        {
            CardText.AppendEscaped(text.Append("- "), note).Append('\n');
        }

        return text;
    }

    private Card Contraindicated(MedicationMatch match, DoseAnswer answer, PatientInput input, int order)
    {
        var reasons = Critical(answer);
        var detail = CardText.Detail();
        detail.Append(Invariant($"**{CardText.Escape(match.Title!)} must not be given to this patient.**\n\n"));
        AppendAlerts(detail, reasons);
        AppendTrace(detail, answer, static a => a.Severity == AlertSeverity.Critical);
        return new Card
        {
            Uuid = Id(order, "contraindicated"),
            Kind = "contraindicated",
            Summary = CardText.Summary($"{match.Title} is contraindicated: {reasons.FirstOrDefault()?.Message ?? "see the detail"}"),
            Detail = CardText.Finish(detail),
            Indicator = "critical",
            Source = Source(match),
            Slug = match.Slug,
            OverrideReasons = OverrideReasons,
            Links = [DoseLink(match, input)],
        };
    }

    private Card NoDose(MedicationMatch match, DoseAnswer answer, PatientInput input, int order)
    {
        var refused = answer.Status == AnswerStatus.Refused;
        var critical = Critical(answer);
        var why = refused
            ? answer.Errors.Select(e => $"{FieldSource(e.Field)}: {e.Message}").ToList()
            : [.. critical.Select(a => a.Message)];
        var detail = CardText.Detail();
        detail.Append(Invariant($"No dose is computed for **{CardText.Escape(match.Title!)}**{(refused ? ": the patient data was refused" : string.Empty)}.\n\n"));
        foreach (var reason in why)
        {
            detail.Append("- ").Append(CardText.Escape(reason)).Append('\n');
        }

        bool Listed(AnswerAlert alert) => alert.Severity != AlertSeverity.Critical || refused;
        AppendAlerts(detail, answer.Alerts.Where(Listed));
        AppendTrace(detail, answer, Listed);
        return Urgent(
            new Card
            {
                Uuid = Id(order, refused ? "refused" : "withheld"),
                Kind = refused ? "refused" : "withheld",
                Summary = CardText.Summary($"{match.Title}: no dose computed: {(critical.Count > 0 ? critical[0].Message : why.FirstOrDefault() ?? "see the detail")}"),
                Detail = CardText.Finish(detail),
                Indicator = "warning",
                Source = Source(match),
                Slug = match.Slug,
                Links = [DoseLink(match, input)],
            },
            critical);
    }

    private Card Dose(MedicationRequest request, MedicationMatch match, DoseAnswer answer, PatientInput input, int order)
    {
        var detail = CardText.Detail();
        var ordered = OrderedDose.Read(request, answer.BsaM2);
        var check = OrderCheck.Of(ordered, answer.DosePerDayMg is { } daily ? [DoseTarget.PerDay(answer, daily)] : [.. answer.Regimens.Select(DoseTarget.Of)]);
        string summary;
        if (answer.DosePerDayMg is { } dose)
        {
            var route = answer.Route is { } r ? " " + r : string.Empty;
            var days = answer.Days is { } n ? Invariant($" for {n} days") : string.Empty;
            var basis = answer.BsaM2 is { } bsa ? Invariant($" ({answer.DoseBasis} × {bsa:0.00} m²)") : answer.DoseBasis is { } b ? $" ({b})" : string.Empty;
            detail.Append(Invariant($"**{CardText.Escape(match.Title!)} for this patient: {dose} mg per day{route}{days}**{CardText.Escape(basis)}"));
            detail.Append(answer.CycleTotalMg is { } total ? Invariant($", cycle total {total} mg.\n\n") : ".\n\n");
            var computed = Invariant($"{dose} mg/day{route}{days}{basis}");
            summary = check.State switch
            {
                OrderState.Differs => Invariant($"{match.Title}: ordered {ordered.Daily}{(check.CourseDiffers ? $" ({ordered.CourseShown ?? "no end"})" : string.Empty)}, computed {dose} mg/day{(check.CourseDiffers ? days : string.Empty)}{basis}"),
                OrderState.NotCompared => $"{match.Title}: ordered dose not compared ({check.What}); computed {computed}",
                _ => $"{match.Title}: {computed}",
            };
            OrderCheckText.AppendDaily(detail, check, ordered, dose);
        }
        else
        {
            summary = check.State switch
            {
                OrderState.Differs => check.Comparisons.Count == 1
                    ? $"{match.Title}: ordered {ordered.Daily} differs from {check.Comparisons[0].Target.Name}: {check.What}"
                    : $"{match.Title}: ordered {ordered.Daily} fits none of the {check.Comparisons.Count} regimens computed: see the detail",
                OrderState.NotCompared => $"{match.Title}: ordered dose not compared ({check.What}); {answer.Regimens.Count} regimen(s) computed, see the detail",
                _ => $"{match.Title}: ordered {ordered.Daily} agrees with {check.Agreeing!.Target.Name}{(check.Comparisons.Count > 1 ? Invariant($" (one of {check.Comparisons.Count} regimens computed)") : string.Empty)}",
            };
            OrderCheckText.AppendRegimens(detail, answer.Regimens);
            OrderCheckText.AppendRegimenCheck(detail, check, ordered);
        }

        var correction = check.Correction(out var noCorrection);
        if (check.State == OrderState.Differs && correction is null)
        {
            detail.Append(CultureInfo.InvariantCulture, $"No corrected order is offered: {CardText.Escape(noCorrection!)}.\n\n");
        }
        else if (correction is not null && UnitDoubt(answer) is { } doubt)
        {
            correction = null;
            detail.Append(Invariant($"No dose change is offered: `{doubt.Code}` (below) says the weight or height may be in another unit than recorded, and the computed dose rests on them; confirm both, then compare again.\n\n"));
        }

        foreach (var adjustment in answer.Adjustments)
        {
            detail.Append(CultureInfo.InvariantCulture, $"- Adjusted ×{adjustment.Factor}: ");
            AppendCitation(CardText.AppendEscaped(detail, adjustment.Reason).Append(" ("), adjustment.Source).Append(")\n");
        }

        AppendAlerts(detail, answer.Alerts);
        AppendTrace(detail, answer, static _ => true);
        if (request.DosageInstruction.FirstOrDefault()?.DoseAndRate.Select(d => d.Rate).FirstOrDefault(rate => rate is not null) is { } rate)
        {
            detail.Append(Invariant($"The order's rate ({CardText.Escape(RateText(rate))}) is not compared; the infusion time is in the trace.\n\n"));
        }

        IReadOnlyList<CardSuggestion>? suggestions = correction is { } change ? [Suggestion(request, change, check.Comparisons[0].Target, order)] : null;
        var actionable = check.State != OrderState.Agrees || answer.Adjustments.Count > 0 || answer.Approved == false
            || answer.Alerts.Any(a => a.Severity != AlertSeverity.Info && !a.Code.StartsWith("SCREEN_", StringComparison.Ordinal));
        var critical = Critical(answer);
        return Urgent(
            new Card
            {
                Uuid = Id(order, "dose"),
                Kind = check.State == OrderState.Differs ? "dose-change" : "dose",
                Summary = CardText.Summary(critical.Count > 0 ? $"{match.Title}: {critical[0].Message}" : summary + (answer.Approved == false ? " (off-label)" : string.Empty)),
                Detail = CardText.Finish(detail),
                Indicator = actionable ? "warning" : "info",
                Source = Source(match),
                Slug = match.Slug,
                Suggestions = suggestions,
                SelectionBehavior = suggestions is null ? null : "at-most-one",
                Links = [DoseLink(match, input)],
            },
            critical);
    }

    /// <summary>The answer's critical alerts, in the order the engine raised them; none for no answer.</summary>
    private static List<AnswerAlert> Critical(DoseAnswer? answer) =>
        answer is null ? [] : [.. answer.Alerts.Where(static a => a.Severity == AlertSeverity.Critical)];

    /// <summary>
    /// The card made as urgent as its most urgent finding: a card holding a critical alert is <c>critical</c> and carries the
    /// override reasons, whatever the rest of it says (a regimen computed beside one the monograph says to avoid is still a card
    /// the clinician must act on). Its summary already leads with that alert.
    /// </summary>
    private static Card Urgent(Card card, IReadOnlyList<AnswerAlert> critical) =>
        critical.Count == 0 ? card : card with { Indicator = "critical", OverrideReasons = OverrideReasons };

    /// <summary>
    /// The first percentile warning on the weight, height or BMI: each says the value may be in another unit (pounds as kg,
    /// inches as cm). A dose computed from them is shown, but a one-click change to it is not offered.
    /// </summary>
    private static AnswerAlert? UnitDoubt(DoseAnswer answer) =>
        answer.Alerts.FirstOrDefault(a => a.Code is AlertCodes.WeightPercentile or AlertCodes.HeightPercentile or AlertCodes.BodyMassIndexPercentile);

    private static string RateText(DataType rate) => rate switch
    {
        Quantity q => Invariant($"{q.Value:0.####} {q.Code ?? q.Unit}"),
        Hl7.Fhir.Model.Range r => Invariant($"{r.Low?.Value:0.####}–{r.High?.Value:0.####} {r.High?.Code ?? r.High?.Unit}"),
        Ratio ratio => Invariant($"{ratio.Numerator?.Value:0.####} {ratio.Numerator?.Code ?? ratio.Numerator?.Unit} per {ratio.Denominator?.Value:0.####} {ratio.Denominator?.Code ?? ratio.Denominator?.Unit}"),
        _ => rate.TypeName,
    };

    private CardSuggestion Suggestion(MedicationRequest request, (decimal Mg, decimal? EveryHours) change, DoseTarget target, int order)
    {
        var corrected = OrderedDose.Corrected(request, change.Mg, change.EveryHours);
        using var json = JsonDocument.Parse(FhirJson.Write(corrected));
        var (label, description) = (change.EveryHours, target.Label) switch
        {
            ({ } every, _) => (Invariant($"Change the order to {change.Mg:0.####} mg every {every:0.####} hours"), Invariant($"Set the ordered dose to {change.Mg:0.####} mg every {every:0.####} hours, as {target.Name} computes.")),
            (null, null) => (Invariant($"Change the dose to {change.Mg} mg"), Invariant($"Set the ordered dose to the computed {change.Mg} mg per day.")),
            _ => (Invariant($"Change the dose to {change.Mg:0.####} mg"), Invariant($"Set the ordered dose to {change.Mg:0.####} mg, as {target.Name} computes.")),
        };
        return new CardSuggestion(label, Id(order, "suggest-dose"), true, [new CardAction("update", description, json.RootElement.Clone())]);
    }

    private static void AppendAlerts(StringBuilder detail, IEnumerable<AnswerAlert> alerts)
    {
        foreach (var alert in alerts)
        {
            detail.Append("- **").Append(alert.Severity.LowerCase()).Append("** `").Append(alert.Code).Append("`: ");
            CardText.AppendEscaped(detail, alert.Message).Append(" (");
            if (alert.Source is { } source)
            {
                AppendCitation(detail, source);
            }
            else if (alert.Reference is { } reference)
            {
                CardText.AppendEscaped(detail.Append('['), reference.Title).Append("](").Append(reference.Url).Append(')');
            }
            else
            {
                detail.Append("Formulary");
            }

            detail.Append(")\n");
        }
    }

    /// <summary>
    /// The trace, numbered. An alert the card lists above (<paramref name="listed"/>, with its source) is a short step naming
    /// it: the card says each alert once and the trace keeps its order. An alert not listed above keeps its full text here.
    /// </summary>
    private static void AppendTrace(StringBuilder detail, DoseAnswer answer, Func<AnswerAlert, bool> listed)
    {
        if (answer.Trace.Count == 0)
        {
            return;
        }

        detail.Append("\n**How this was worked out**\n\n");
        var alertSteps = answer.AlertSteps.Count == answer.Alerts.Count ? answer.AlertSteps : [];
        var nextAlert = 0;
        for (var step = 0; step < answer.Trace.Count; step++)
        {
            detail.Append(CultureInfo.InvariantCulture, $"{step + 1}. ");
            var alert = nextAlert < alertSteps.Count && alertSteps[nextAlert] == step ? answer.Alerts[nextAlert++] : null;
            if (alert is not null && listed(alert))
            {
                detail.Append("Alert ").Append(alert.Severity.LowerCase()).Append(" `").Append(alert.Code).Append("`: listed above.\n");
                continue;
            }

            CardText.AppendEscaped(detail, answer.Trace[step]).Append('\n');
        }
    }

    private static StringBuilder AppendCitation(StringBuilder detail, Formulary.Clinical.Profiles.Citation citation) =>
        CardText.AppendEscaped(CardText.AppendEscaped(detail, citation.Section).Append(": \""), citation.Quote).Append('"');

    private CardSource Source(MedicationMatch match) =>
        new($"Formulary: {match.Title} monograph", baseUrl + match.Collection.UrlPath(match.Slug!) + "#dose");

    private CardLink DoseLink(MedicationMatch match, PatientInput input) =>
        new("Open the Formulary dose calculator with this patient", baseUrl + match.Collection.UrlPath(match.Slug!) + "dose?" + DoseQuery.For(input), "absolute");

    private string Id(int order, string what) => CardText.Uuid(hookInstance, string.Create(CultureInfo.InvariantCulture, $"{order}:{what}"));

    /// <summary>Where a refused value came from in the record, for the clinician to correct it there.</summary>
    private static string FieldSource(PatientField field) => field switch
    {
        PatientField.Age => "Patient.birthDate (age)",
        PatientField.Sex => "Patient.gender (female or male)",
        PatientField.Weight or PatientField.WeightDate => "body weight Observation (LOINC 29463-7)",
        PatientField.Height or PatientField.HeightDate => "body height Observation (LOINC 8302-2)",
        PatientField.Creatinine or PatientField.CreatinineDate => "serum creatinine Observation (LOINC 2160-0)",
        _ => field.ToString(),
    };
}
