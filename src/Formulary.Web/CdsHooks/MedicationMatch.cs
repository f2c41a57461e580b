using Formulary.Monographs;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// What an order's medication was matched to: the name as the order gives it, and the monograph
/// (<see cref="Slug"/>, null when none matched). <see cref="Ambiguous"/> lists the monographs when the
/// order's text names more than one equally well: then none is used.
/// </summary>
internal sealed record MedicationMatch(string Ordered, Collection Collection, string? Slug, string? Title, IReadOnlyList<string> Ambiguous);
