using Formulary.Monographs;

namespace Formulary.Storage.Browsing;

/// <summary>A published version of a live document and when it was imported (the document's title today).</summary>
public sealed record RecentVersion(Collection Collection, string Slug, string Title, int Version, DateTimeOffset ImportedAt);
