namespace Formulary.Web.CdsHooks;

/// <summary>An Observation read: its value in <see cref="Unit"/> (one of the kind's target units), the unit as sent, and the day it was measured.</summary>
internal sealed record ObservedValue(decimal Value, string Unit, decimal SentValue, string SentUnit, DateOnly MeasuredOn);
