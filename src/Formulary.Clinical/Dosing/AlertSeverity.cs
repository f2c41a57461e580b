namespace Formulary.Clinical.Dosing;

/// <summary>How much an alert matters: critical alerts stop a dose (contraindication, withheld).</summary>
public enum AlertSeverity
{
    Info,
    Warning,
    Critical,
}
