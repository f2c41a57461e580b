namespace Formulary.Web.Problems;

/// <summary>A JSON request body that was not read (a dose request, a CDS Hooks call): why, the property at fault (when one is), and a message.</summary>
internal sealed record RequestProblem(RequestProblemKind Kind, string? Property, string Detail);
