namespace Formulary.Web.Problems;

/// <summary>
/// Every kind of problem the API answers with. The <c>type</c> URIs are stable: clients switch on
/// them, so a kind is never renamed; each one is documented at its URI (<c>/problems/{code}</c>).
/// </summary>
internal static class ProblemCatalog
{
    public static readonly ProblemKind BadRequest = new("bad-request", 400, "The request is not valid.", "A query parameter or route value is missing or out of range.");
    public static readonly ProblemKind MalformedJson = new("malformed-json", 400, "The request body is not valid JSON.", "The body could not be read as JSON of the expected shape.");
    public static readonly ProblemKind NotFound = new("not-found", 404, "Not found.", "No resource exists at this address.");
    public static readonly ProblemKind UnknownDrug = new("unknown-drug", 404, "No dose rules for this drug.", "Doses are computed only for drugs whose monograph has a rules file; the detail lists them.");
    public static readonly ProblemKind DoseRulesInvalid = new("dose-rules-invalid", 409, "This drug's dose rules do not load.", "The rules stored with the monograph have errors (RULE codes, e.g. a quote no longer in the monograph); no dose is computed until they are fixed and imported again.");
    public static readonly ProblemKind MethodNotAllowed = new("method-not-allowed", 405, "Method not allowed.", "The resource exists but does not accept this HTTP method.");
    public static readonly ProblemKind BodyTooLarge = new("body-too-large", 413, "The request body is too large.", "Request bodies are limited to 1 MB (1,048,576 bytes).");
    public static readonly ProblemKind UnsupportedMediaType = new("unsupported-media-type", 415, "Unsupported media type.", "Send the body as application/json.");
    public static readonly ProblemKind InputRefused = new("input-refused", 422, "The input was refused.", "The values given cannot be used safely; the errors say what is wrong and what is needed.");
    public static readonly ProblemKind Internal = new("internal", 500, "An unexpected error occurred.", "The server failed; the error was logged with the trace id given.");

    public static IReadOnlyList<ProblemKind> All { get; } =
        [BadRequest, MalformedJson, NotFound, UnknownDrug, DoseRulesInvalid, MethodNotAllowed, BodyTooLarge, UnsupportedMediaType, InputRefused, Internal];

    /// <summary>The kind to report for a bare status code (one that no handler described further).</summary>
    public static ProblemKind ForStatus(int status) => status switch
    {
        400 => BadRequest,
        404 => NotFound,
        405 => MethodNotAllowed,
        413 => BodyTooLarge,
        415 => UnsupportedMediaType,
        422 => InputRefused,
        _ => Internal,
    };

    public static ProblemKind? FindByCode(string code) => All.FirstOrDefault(kind => kind.Code == code);
}
