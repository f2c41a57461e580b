namespace Formulary.Clinical.Dosing;

/// <summary>The kidney-function estimate used: equation, value, unit and why that equation.</summary>
public sealed record RenalEstimate(string Equation, decimal Value, string Unit, string Why);
