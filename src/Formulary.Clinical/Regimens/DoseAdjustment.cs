using Formulary.Clinical.Profiles;

namespace Formulary.Clinical.Regimens;

/// <summary>
/// One adjustment the monograph states: the action and its value (percent, hours, or an amount in the
/// regimen's basis unit for a replacement dose; a range when the monograph gives one), with its citation.
/// </summary>
public sealed record DoseAdjustment(AdjustmentAction Action, ValueRange? Value, Citation Source)
{
    /// <summary>For a replacement dose: the interval that goes with it ("500 mg every 24 hours"), when stated.</summary>
    public ValueRange? IntervalHours { get; init; }
}
