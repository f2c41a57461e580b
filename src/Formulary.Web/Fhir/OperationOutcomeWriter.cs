using Formulary.Web.Problems;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Mvc;

namespace Formulary.Web.Fhir;

/// <summary>
/// The FHIR face of the one problem mapping (<see cref="ProblemMapping"/>): under <c>/fhir</c> every
/// problem — an endpoint's, a bare status code's, an exception's — is written as an
/// <c>OperationOutcome</c> instead of problem+json, with the same status, title, detail and problem code.
/// Registered ahead of the default writer, so <see cref="IProblemDetailsService"/> picks it for those paths.
/// </summary>
internal sealed class OperationOutcomeWriter : IProblemDetailsWriter
{
    public static bool IsFhirRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/fhir", StringComparison.OrdinalIgnoreCase);

    public bool CanWrite(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return IsFhirRequest(context.HttpContext.Request);
    }

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        var status = problem.Status ?? http.Response.StatusCode;
        var kind = ProblemCatalog.ForStatus(status);
        var code = problem.Type is { } type && type.StartsWith("/problems/", StringComparison.Ordinal) ? type["/problems/".Length..] : kind.Code;
        var outcome = For(status, code, problem.Title ?? kind.Title, problem.Detail, FhirUrls.For(http));
        var bytes = FhirJson.Serialize(outcome);
        http.Response.StatusCode = status;
        http.Response.ContentType = FhirJson.ContentType;
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes, http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>One issue: the problem's title as <c>details</c> (coded with the problem code), its detail as <c>diagnostics</c>.</summary>
    public static OperationOutcome For(int status, string problemCode, string title, string? detail, FhirUrls urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var issue = new OperationOutcome.IssueComponent
        {
            Severity = status >= 500 ? OperationOutcome.IssueSeverity.Fatal : OperationOutcome.IssueSeverity.Error,
            Code = IssueTypeFor(status, problemCode),
            Details = new CodeableConcept(urls.SiteBaseUrl + "/problems", problemCode, title, title),
            Diagnostics = string.IsNullOrWhiteSpace(detail) ? null : detail,
        };
        return new OperationOutcome { Issue = [issue] };
    }

    private static OperationOutcome.IssueType IssueTypeFor(int status, string problemCode) => (status, problemCode) switch
    {
        (_, "malformed-json") => OperationOutcome.IssueType.Structure,
        (401, _) => OperationOutcome.IssueType.Login,
        (403, _) => OperationOutcome.IssueType.Forbidden,
        (404, _) => OperationOutcome.IssueType.NotFound,
        (405 or 406 or 415, _) => OperationOutcome.IssueType.NotSupported,
        (408, _) => OperationOutcome.IssueType.Timeout,
        (413 or 414 or 431, _) => OperationOutcome.IssueType.TooCostly,
        (422, _) => OperationOutcome.IssueType.BusinessRule,
        (429, _) => OperationOutcome.IssueType.Throttled,
        (503, _) => OperationOutcome.IssueType.Transient,
        (>= 500, _) => OperationOutcome.IssueType.Exception,
        _ => OperationOutcome.IssueType.Invalid,
    };
}
