namespace Formulary.Web.Api.Browse;

/// <summary>A letter (a to z, or 0-9 for every other title) with how many documents it holds and where to list them.</summary>
internal sealed record LetterCountResponse(string Letter, int Count, string Url);
