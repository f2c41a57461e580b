namespace Formulary.Clinical.Dosing;

/// <summary>One treatment day of the cycle and its date.</summary>
public sealed record CycleDay(int Day, DateOnly Date);
