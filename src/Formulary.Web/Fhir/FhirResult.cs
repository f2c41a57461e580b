using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace Formulary.Web.Fhir;

/// <summary>A FHIR resource answered as <c>application/fhir+json</c>.</summary>
internal sealed class FhirResult(Resource resource) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var bytes = FhirJson.Serialize(resource);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = FhirJson.ContentType;
        httpContext.Response.ContentLength = bytes.Length;
        await httpContext.Response.Body.WriteAsync(bytes, httpContext.RequestAborted).ConfigureAwait(false);
    }
}
