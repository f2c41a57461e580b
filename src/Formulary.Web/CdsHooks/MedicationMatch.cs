using Formulary.Monographs;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// What an order's medication was matched to: the name as the order gives it, and the monograph
/// (<see cref="Slug"/>, null when none matched). <see cref="Ambiguous"/> lists the monographs when the
/// order's text names more than one equally well: then none is used. <see cref="Conflict"/> says, for each of the order's
/// code and names that matched, which monograph it matched, when they do not all match the same one: then none is used either.
/// </summary>
internal sealed record MedicationMatch(string Ordered, Collection Collection, string? Slug, string? Title, IReadOnlyList<string> Ambiguous)
{
    public IReadOnlyList<string> Conflict { get; init; } = [];
}
