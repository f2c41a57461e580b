using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Formulary.Clinical.Profiles;
using Formulary.Clinical.References;

namespace Formulary.Clinical.Dosing;

/// <summary>Collects the alerts, adjustments and trace lines of one answer, in the order they happen.</summary>
internal sealed class AnswerBuilder
{
    /// <summary>
    /// A rule's citation is written into the trace of every answer that uses it; the text is kept with the citation
    /// (profiles are built once per store generation and shared), instead of formatted again on every call.
    /// </summary>
    private static readonly ConditionalWeakTable<Citation, string> CitedRules = new();

    private static readonly ConditionalWeakTable<MethodReference, string> CitedMethods = new();

    /// <summary>The alerts of <see cref="RuleAlert"/> and their trace lines, kept with the rule's citation by code.</summary>
    private static readonly ConditionalWeakTable<Citation, ConcurrentDictionary<string, (AnswerAlert Alert, string Step)>> RuleAlerts = new();

    private readonly List<AnswerAlert> _alerts = [];
    private readonly List<AnswerAdjustment> _adjustments = [];
    private readonly List<string> _trace = [];
    private readonly List<int> _alertSteps = [];

    public IReadOnlyList<AnswerAlert> Alerts => _alerts;

    public IReadOnlyList<AnswerAdjustment> Adjustments => _adjustments;

    public IReadOnlyList<string> Trace => _trace;

    /// <summary>The trace step of each alert, in the order of <see cref="Alerts"/>.</summary>
    public IReadOnlyList<int> AlertSteps => _alertSteps;

    public bool Contraindicated { get; private set; }

    /// <summary>Why no dose may be computed even though the drug is not contraindicated; null when a dose may be computed.</summary>
    public string? WithheldBecause { get; private set; }

    public void Step(string line) => _trace.Add(line);

    public void Alert(AlertSeverity severity, string code, string message, Citation source) => Add(new(severity, code, message, source, null));

    public void Alert(AlertSeverity severity, string code, string message, MethodReference reference) => Add(new(severity, code, message, null, reference));

    /// <summary>
    /// An alert whose <paramref name="message"/> is the same for every patient (a screen not done): the alert and its trace line
    /// are made once per rule and code and shared (profiles are built once per store generation), as citations are. A message
    /// that differs from the one kept makes a new alert.
    /// </summary>
    public void RuleAlert(AlertSeverity severity, string code, string message, Citation source)
    {
        var made = RuleAlerts.GetValue(source, static _ => new(StringComparer.Ordinal));
        if (!made.TryGetValue(code, out var kept) || kept.Alert.Severity != severity || !string.Equals(kept.Alert.Message, message, StringComparison.Ordinal))
        {
            var alert = new AnswerAlert(severity, code, message, source, null);
            kept = made[code] = (alert, Step(alert));
        }

        Add(kept.Alert, kept.Step);
    }

    /// <summary>An alert read from the patient's input (a unit warning, a screen not done).</summary>
    public void Add(AnswerAlert alert) => Add(alert, Step(alert));

    private void Add(AnswerAlert alert, string step)
    {
        _alerts.Add(alert);
        _alertSteps.Add(_trace.Count);
        _trace.Add(step);
    }

    /// <summary>The trace line of an alert.</summary>
    private static string Step(AnswerAlert alert) =>
        string.Create(CultureInfo.InvariantCulture, $"Alert {alert.Severity.LowerCase()} {alert.Code}: {alert.Message}{Cite(alert.Source)}{Cite(alert.Reference)}");

    public void Contraindicate(string code, string message, Citation source)
    {
        Contraindicated = true;
        Alert(AlertSeverity.Critical, code, message, source);
    }

    public void Withhold(string code, string message, Citation source)
    {
        WithheldBecause ??= code;
        Alert(AlertSeverity.Critical, code, message, source);
    }

    public void Withhold(string code, string message, MethodReference reference)
    {
        WithheldBecause ??= code;
        Alert(AlertSeverity.Critical, code, message, reference);
    }

    public void Adjust(string code, decimal factor, string reason, Citation source)
    {
        _adjustments.Add(new(code, factor, reason, source));
        _trace.Add(Invariant($"Adjustment {code}: × {factor} ({reason})") + Cite(source));
    }

    public static string Cite(Citation? source) =>
        source is null ? string.Empty : CitedRules.GetValue(source, static s => string.Create(CultureInfo.InvariantCulture, $" [{s.Section}: \"{s.Quote}\"]"));

    public static string Cite(MethodReference? reference) =>
        reference is null ? string.Empty : CitedMethods.GetValue(reference, static r => string.Create(CultureInfo.InvariantCulture, $" [{r.Title}; {r.Url}; {r.Decision}]"));
}
