namespace Formulary.Clinical.Dosing;

/// <summary>The values of <see cref="AnswerAlert.Severity"/>.</summary>
public static class AlertSeverity
{
    public const string Critical = "critical";
    public const string Warning = "warning";
    public const string Info = "info";
}
