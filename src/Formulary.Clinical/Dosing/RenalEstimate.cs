using Formulary.Clinical.Calculators;

namespace Formulary.Clinical.Dosing;

/// <summary>The kidney-function estimate used: equation, value, unit and why that equation.</summary>
public sealed record RenalEstimate(RenalEquation Equation, decimal Value, string Unit, string Why);
