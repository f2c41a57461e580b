namespace Formulary.Storage.Search;

/// <summary>Where a name comes from; stored as its number, which also orders suggestions (lower first).</summary>
internal enum SearchNameKind
{
    Title = 0,
    Alternate = 1,
    Brand = 2,

    /// <summary>The same name, folded from a later word (its key is empty).</summary>
    Inner = 3,
}
