using Formulary.Clinical.Dosing;

namespace Formulary.Clinical.Patients;

/// <summary>The result of reading a request: a patient and policy, or the errors that refuse it.</summary>
public sealed record PatientReading(Patient? Patient, DosePolicy Policy, IReadOnlyList<FieldError> Errors)
{
    public bool IsRefused => Errors.Count > 0 || Patient is null;
}
