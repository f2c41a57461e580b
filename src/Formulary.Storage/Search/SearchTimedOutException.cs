namespace Formulary.Storage.Search;

/// <summary>A store's search ran out of its time budget; <see cref="SearchFlow"/> turns it into a timed-out result.</summary>
internal sealed class SearchTimedOutException(Exception? inner = null) : Exception("The search used its whole time budget.", inner);
