namespace Formulary.Web.Problems;

/// <summary>Why a JSON request body was not read.</summary>
internal enum RequestProblemKind
{
    Malformed,
    UnknownProperty,
    DuplicateProperty,
}
