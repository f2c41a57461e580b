using Hl7.Fhir.Model;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// The FHIR data a dose check reads: the Patient and, per observation key, the latest Observation (null when
/// the client's record holds none: a data problem for a card, not a missing prefetch).
/// </summary>
internal sealed record PatientRecord(Patient Patient, IReadOnlyDictionary<string, Observation?> Observations);
