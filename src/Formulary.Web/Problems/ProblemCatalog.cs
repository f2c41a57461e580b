namespace Formulary.Web.Problems;

/// <summary>
/// Every kind of problem the API answers with. The <c>type</c> URIs are stable: clients switch on
/// them, so a kind is never renamed; each one is documented at its URI (<c>/problems/{code}</c>).
/// Every client-fault status ASP.NET produces has its own kind; a 4xx without one is
/// <see cref="ClientError"/>, never <see cref="Internal"/>.
/// </summary>
internal static class ProblemCatalog
{
    public static readonly ProblemKind BadRequest = new("bad-request", 400, "The request is not valid.", "A query parameter, route value or path is missing, malformed or out of range.");
    public static readonly ProblemKind MalformedJson = new("malformed-json", 400, "The request body is not valid JSON.", "The body could not be read as JSON of the expected shape.");
    public static readonly ProblemKind UnknownProperty = new("unknown-property", 400, "The request has a property the API does not know.", "Unknown and misspelt properties are refused, never ignored: a misspelt flag must not read as absent. The property extension names it.");
    public static readonly ProblemKind DuplicateProperty = new("duplicate-property", 400, "The request gives a property more than once.", "Which of the values was meant cannot be told, so none is used. The property extension names it.");
    public static readonly ProblemKind MalformedForm = new("malformed-form", 400, "The form is malformed or too large.", "The form body could not be read: malformed multipart or URL encoding, or more fields, longer names or values than a form here may have.");
    public static readonly ProblemKind Unauthorized = new("unauthorized", 401, "The caller is not authenticated.", "CDS Hooks calls must carry 'Authorization: Bearer <JWT>' signed (RS384 or ES384) by a trusted EHR, with aud the URL called, a near exp and a fresh jti; the detail says which check failed.");
    public static readonly ProblemKind NotFound = new("not-found", 404, "Not found.", "No resource exists at this address.");
    public static readonly ProblemKind UnknownDrug = new("unknown-drug", 404, "No dose rules for this drug.", "Doses are computed only for drugs whose monograph has a rules file; the detail lists them.");
    public static readonly ProblemKind DoseRulesInvalid = new("dose-rules-invalid", 409, "This drug's dose rules do not load.", "The rules stored with the monograph have errors (RULE codes, e.g. a quote no longer in the monograph); no dose is computed until they are fixed and imported again.");
    public static readonly ProblemKind MethodNotAllowed = new("method-not-allowed", 405, "Method not allowed.", "The resource exists but does not accept this HTTP method.");
    public static readonly ProblemKind NotAcceptable = new("not-acceptable", 406, "Not acceptable.", "The resource cannot be sent in any of the media types the Accept header allows.");
    public static readonly ProblemKind RequestTimeout = new("request-timeout", 408, "The request took too long to arrive.", "The request body arrived too slowly or stalled; send it again at once.");
    public static readonly ProblemKind LengthRequired = new("length-required", 411, "Length required.", "A request with a body must say its length (Content-Length) or be chunked.");
    public static readonly ProblemKind BodyTooLarge = new("body-too-large", 413, "The request body is too large.", "Request bodies are limited to 1 MB (1,048,576 bytes).");
    public static readonly ProblemKind UriTooLong = new("uri-too-long", 414, "The address is too long.", "The request line is longer than the server accepts.");
    public static readonly ProblemKind UnsupportedMediaType = new("unsupported-media-type", 415, "Unsupported media type.", "Send the body as application/json (the API) or as a form (the dose page).");
    public static readonly ProblemKind InvalidCdsRequest = new("invalid-cds-request", 400, "The CDS Hooks request is not valid.", "A field the service reads is missing, of the wrong type or inconsistent (a hook other than the service's, fhirAuthorization without fhirServer, draft orders or prefetched resources that are not valid FHIR R4, data about another patient). The property extension names it.");
    public static readonly ProblemKind PrefetchMissing = new("prefetch-missing", 412, "The patient data the service needs could not be had.", "CDS Hooks 2.0: the data named in the missing extension was not prefetched and could not be fetched from fhirServer (none given with fhirAuthorization, or it did not answer). Send it as prefetch, or give fhirServer and fhirAuthorization.");
    public static readonly ProblemKind InputRefused = new("input-refused", 422, "The input was refused.", "The values given cannot be used safely; the errors say what is wrong and what is needed.");
    public static readonly ProblemKind TooManyRequests = new("too-many-requests", 429, "Too many requests.", "Slow down and retry after the time the Retry-After header gives.");
    public static readonly ProblemKind HeadersTooLarge = new("headers-too-large", 431, "The request headers are too large.", "The request's header fields are larger than the server accepts.");
    public static readonly ProblemKind ClientError = new("client-error", 400, "The request cannot be served.", "The request has a fault the other problem types do not describe; the status and detail say which.");
    public static readonly ProblemKind StoreUnavailable = new("store-unavailable", 503, "The store is busy or unreachable.", "The database did not answer in time (another process holding its write lock too long, or the server away); nothing was changed. Retry after the time the Retry-After header gives.");
    public static readonly ProblemKind Internal = new("internal", 500, "An unexpected error occurred.", "The server failed; the error was logged with the trace id given.");

    public static IReadOnlyList<ProblemKind> All { get; } =
    [
        BadRequest, MalformedJson, UnknownProperty, DuplicateProperty, MalformedForm, Unauthorized, NotFound, UnknownDrug, DoseRulesInvalid, MethodNotAllowed, NotAcceptable, RequestTimeout,
        LengthRequired, BodyTooLarge, UriTooLong, UnsupportedMediaType, InvalidCdsRequest, PrefetchMissing, InputRefused, TooManyRequests, HeadersTooLarge,
        ClientError, StoreUnavailable, Internal,
    ];

    /// <summary>The kind to report for a bare status code (one that no handler described further).</summary>
    public static ProblemKind ForStatus(int status) => status switch
    {
        400 => BadRequest,
        401 => Unauthorized,
        404 => NotFound,
        405 => MethodNotAllowed,
        406 => NotAcceptable,
        408 => RequestTimeout,
        411 => LengthRequired,
        412 => PrefetchMissing,
        413 => BodyTooLarge,
        414 => UriTooLong,
        415 => UnsupportedMediaType,
        422 => InputRefused,
        429 => TooManyRequests,
        431 => HeadersTooLarge,
        >= 400 and < 500 => ClientError with { Status = status },
        _ => Internal,
    };

    public static ProblemKind? FindByCode(string code) => All.FirstOrDefault(kind => kind.Code == code);
}
