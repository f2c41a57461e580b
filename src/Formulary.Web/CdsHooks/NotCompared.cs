namespace Formulary.Web.CdsHooks;

/// <summary>A part of an order that is not compared: <see cref="What"/> in a few words for the summary ("unit 'mL'", "as needed"), <see cref="Why"/> in full for the detail.</summary>
internal sealed record NotCompared(string What, string Why);
