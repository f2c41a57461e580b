using Formulary.Monographs;
using Formulary.Storage.Browsing;

namespace Formulary.Web.Pages.Browse;

/// <summary>The A–Z bar's numbers: live documents per collection and per letter, from one store query.</summary>
public sealed record BrowseCounts(IReadOnlyList<LetterCount> Letters)
{
    public int Total(Collection collection) => Letters.Where(l => l.Collection == collection).Sum(l => l.Count);

    public int Count(Collection collection, string letter) =>
        Letters.FirstOrDefault(l => l.Collection == collection && l.Letter == letter)?.Count ?? 0;
}
