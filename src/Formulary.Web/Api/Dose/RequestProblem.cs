namespace Formulary.Web.Api.Dose;

/// <summary>A dose request body that was not read: why, the property at fault (when one is), and a message.</summary>
internal sealed record RequestProblem(RequestProblemKind Kind, string? Property, string Detail);
