using System.Text.Json;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// What a client prefetched under one key: either still unread, an element of the request's document (read only when
/// patient data is needed, by <see cref="PatientDataSource"/>), or already read by <see cref="OnePassRequestReader"/>
/// (to the same <see cref="Prefetched"/> value that reading the element gives).
/// </summary>
internal readonly record struct PrefetchValue(JsonElement? Unread, Prefetched? Read);
