using Formulary.Clinical.Patients;

namespace Formulary.Web.Api.Dose;

/// <summary>A refused input in a 422 problem: the field, the JSON property it was given with, and what is wrong.</summary>
internal sealed record ApiFieldError(PatientField Field, string Property, string Message);
