using Formulary.Monographs;

namespace Formulary.Storage.Browsing;

/// <summary>How many live documents of a collection are filed under one letter of the A–Z bar.</summary>
public sealed record LetterCount(Collection Collection, string Letter, int Count);
