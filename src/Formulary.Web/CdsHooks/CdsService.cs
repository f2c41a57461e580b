namespace Formulary.Web.CdsHooks;

/// <summary>One service in the discovery document (CDS Hooks 2.0 §Discovery): what it answers and the data it asks the client to prefetch.</summary>
internal sealed record CdsService(string Hook, string Id, string Title, string Description, IReadOnlyDictionary<string, string> Prefetch);
