namespace Formulary.Clinical.Patients;

/// <summary>A refused input (which one, by <see cref="PatientField"/>) and what is wrong and what is needed.</summary>
public sealed record FieldError(PatientField Field, string Message);
