namespace Formulary.Web.Problems;

/// <summary>
/// Reads a form body at the edge. Malformed multipart or URL encoding and forms over the limits set
/// in <see cref="ProblemMapping.AddFormularyProblems"/> become a 400 <c>malformed-form</c> problem
/// (the framework throws them as bare I/O and data errors, which would otherwise read as bugs).
/// </summary>
internal static class FormBody
{
    public static async Task<IFormCollection> ReadAsync(HttpRequest request)
    {
        var aborted = request.HttpContext.RequestAborted;
        try
        {
            return await request.ReadFormAsync(aborted).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            throw new BadHttpRequestException("The form could not be read: " + e.Message, StatusCodes.Status400BadRequest, e);
        }
        catch (IOException e) when (e is not BadHttpRequestException && !aborted.IsCancellationRequested)
        {
            throw new BadHttpRequestException("The form could not be read: " + e.Message, StatusCodes.Status400BadRequest, e);
        }
    }
}
