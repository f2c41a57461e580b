using Formulary.Monographs;

namespace Formulary.Web.Api.Browse;

/// <summary>One collection on the A–Z bar: its live documents, and the letters that have any.</summary>
internal sealed record CollectionLettersResponse(Collection Collection, int Count, IReadOnlyList<LetterCountResponse> Letters);
