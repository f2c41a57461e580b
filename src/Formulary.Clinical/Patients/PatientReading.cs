using Formulary.Clinical.Dosing;

namespace Formulary.Clinical.Patients;

/// <summary>
/// The result of reading an input: a patient and policy, or the errors that refuse it; plus the
/// warnings reading raised (a value outside the usual percentiles, a likely unit mix-up).
/// </summary>
public sealed record PatientReading(Patient? Patient, DosePolicy Policy, IReadOnlyList<FieldError> Errors, IReadOnlyList<AnswerAlert> Warnings)
{
    public bool IsRefused => Errors.Count > 0 || Patient is null;
}
