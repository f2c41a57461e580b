namespace Formulary.Clinical.Patients;

/// <summary>A refused input field (its wire name, e.g. <c>weightKg</c>) and what is wrong and what is needed.</summary>
public sealed record FieldError(string Field, string Message);
