using Hl7.Fhir.Model;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// The FHIR data a dose check reads: the Patient and, per observation key, the latest Observation (null when
/// the client's record holds none: a data problem for a card, not a missing prefetch). <see cref="Ignored"/>
/// names, per key, the Observations passed over because their status says they are not results
/// (entered-in-error, cancelled), so a card can say why the record "holds none". <see cref="Tied"/> holds, per key,
/// the other results measured at the same time as the latest one: when one of them disagrees, which holds cannot be told.
/// </summary>
internal sealed record PatientRecord(
    Patient Patient,
    IReadOnlyDictionary<string, Observation?> Observations,
    IReadOnlyDictionary<string, string> Ignored,
    IReadOnlyDictionary<string, IReadOnlyList<Observation>> Tied);
