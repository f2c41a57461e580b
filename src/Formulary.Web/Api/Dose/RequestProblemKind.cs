namespace Formulary.Web.Api.Dose;

/// <summary>Why a dose request body was not read.</summary>
internal enum RequestProblemKind
{
    Malformed,
    UnknownProperty,
    DuplicateProperty,
}
