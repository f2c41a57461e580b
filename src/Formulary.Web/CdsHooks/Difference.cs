namespace Formulary.Web.CdsHooks;

/// <summary>How an order differs from a computed dose: <see cref="What"/> for the summary ("per dose", "interval"), <see cref="Text"/> for the detail.</summary>
internal sealed record Difference(string What, string Text);
