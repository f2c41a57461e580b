namespace Formulary.Clinical.Dosing;

/// <summary>How an <see cref="AlertSeverity"/> is written in traces and card text.</summary>
public static class AlertSeverityNames
{
    /// <summary>The severity's name in lower case (a switch: an enum's ToString() goes through reflection on every call).</summary>
    public static string LowerCase(this AlertSeverity severity) => severity switch
    {
        AlertSeverity.Info => "info",
        AlertSeverity.Warning => "warning",
        AlertSeverity.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };
}
