namespace Formulary.Web.Fhir;

/// <summary>
/// The absolute URLs the FHIR resources use, all under this server's public base URL
/// (<c>--public-url</c>): the FHIR base, resource addresses, the monograph code system and the
/// extension definitions, which resolve on this server (<c>/fhir/StructureDefinition/{id}</c>).
/// </summary>
internal sealed record FhirUrls(string SiteBaseUrl)
{
    public const string Ucum = "http://unitsofmeasure.org";
    public const string Loinc = "http://loinc.org";

    public string Base => SiteBaseUrl + "/fhir";

    /// <summary>The code system whose codes are monograph slugs (a composition's or a combination's).</summary>
    public string MonographCodeSystem => Base + "/CodeSystem/monograph";

    public string Extension(string id) => Base + "/StructureDefinition/" + id;

    public string Resource(string type, string id) => Base + "/" + type + "/" + id;

    public string Page(string path) => SiteBaseUrl + path;

    public static FhirUrls For(HttpContext context) => new(Pages.SiteContext.FromRequest(context.Request).BaseUrl);
}
