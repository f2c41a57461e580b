namespace Formulary.Clinical.Regimens;

/// <summary>The one spelling of each adjustment action in rules files and on the wire.</summary>
public static class AdjustmentActionNames
{
    public static string Wire(AdjustmentAction action) => action switch
    {
        AdjustmentAction.PercentOfDose => "percent-of-dose",
        AdjustmentAction.ReduceByPercent => "reduce-by-percent",
        AdjustmentAction.ExtendInterval => "extend-interval",
        AdjustmentAction.ReplacementDose => "replacement-dose",
        AdjustmentAction.Avoid => "avoid",
        AdjustmentAction.MonitorLevels => "monitor-levels",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "unknown action"),
    };

    public static AdjustmentAction? Parse(string? text) =>
        Enum.GetValues<AdjustmentAction>().Cast<AdjustmentAction?>().FirstOrDefault(a => Wire(a!.Value) == text);

    /// <summary>Whether the action needs a value (a percentage, hours or an amount).</summary>
    public static bool NeedsValue(AdjustmentAction action) =>
        action is not (AdjustmentAction.Avoid or AdjustmentAction.MonitorLevels);
}
