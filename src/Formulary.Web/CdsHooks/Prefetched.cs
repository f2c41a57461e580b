using Hl7.Fhir.Model;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// A prefetched value read: the resource (a searchset Bundle stands for a search answer), and the Observations it holds
/// (itself, or the search answer's Observation entries).
/// </summary>
internal sealed record Prefetched(Resource Resource, IReadOnlyList<Observation> Observations);
