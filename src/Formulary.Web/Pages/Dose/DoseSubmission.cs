using Formulary.Clinical.Dosing;
using Formulary.Clinical.Patients;

namespace Formulary.Web.Pages.Dose;

/// <summary>What the reader sent and what came back: the engine's answer, or the fields the form itself could not read.</summary>
public sealed record DoseSubmission(DoseFormValues Values, DoseAnswer? Answer, IReadOnlyList<FieldError> InputErrors)
{
    /// <summary>The refusals the form shows beside its fields: the form's own, else the engine's when it refused the input.</summary>
    public IReadOnlyList<FieldError> FieldErrors =>
        InputErrors.Count > 0 ? InputErrors : Answer is { Status: AnswerStatus.Refused } refused ? refused.Errors : [];
}
