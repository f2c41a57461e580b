using Formulary.Clinical.Dosing;
using Formulary.Clinical.Patients;

namespace Formulary.Web.Pages.Dose;

/// <summary>What the reader sent and what came back: the engine's answer, or the fields the form itself could not read.</summary>
public sealed record DoseSubmission(DoseFormValues Values, DoseAnswer? Answer, IReadOnlyList<FieldError> InputErrors);
