using System.Globalization;
using System.Net;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Formulary.Web.Tests.Hosting;

/// <summary>
/// Issue 12.7: random bytes, numbers, dates and paths thrown at every endpoint of the running site;
/// whatever arrives, the answer is 2xx, 3xx or 4xx, never 5xx.
/// </summary>
public sealed class HostileInputPropertyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static readonly string[] PathTemplates =
    [
        "/composition/{0}/", "/composition/combination/{0}/", "/medicines/{0}/", "/composition/{0}/index.html",
        "/api/monographs/compositions/{0}", "/api/monographs/{0}/clofarabine", "/api/monographs/compositions/{0}/versions",
        "/api/monographs/compositions/clofarabine/versions/{0}", "/problems/{0}", "/{0}", "/api/{0}", "/composition/{0}/dose",
    ];

    private static readonly string[] QueryTemplates =
    [
        "/search?q={0}", "/search?q=a&offset={0}", "/api/search?q={0}", "/api/search?q=a&limit={0}", "/api/search?q=a&offset={0}",
        "/api/monographs/compositions/clofarabine/diff?from={0}&to=1", "/api/monographs/compositions/clofarabine/diff?from=1&to={0}",
    ];

    private static readonly string[] DoseFields =
    [
        "ageYears", "weightKg", "weightLb", "heightCm", "heightIn", "scrMgDl", "scrUmolL", "scrUlnMgDl", "bsaCap", "doseRoundingMg",
        "startDate", "weightMeasuredOn", "heightMeasuredOn", "sex", "hepatic", "bsaFormula", "drug",
    ];

    [Property(MaxTest = 150)]
    public bool AnyPathSegment_AnyRoute_NeverServerError(byte[] bytes, NonNegativeInt template) =>
        StatusOf(HttpMethod.Get, string.Format(CultureInfo.InvariantCulture, PathTemplates[template.Get % PathTemplates.Length], Escape(bytes)), null) < 500;

    [Property(MaxTest = 150)]
    public bool AnyQueryValue_AnyQueryRoute_NeverServerError(string text, NonNegativeInt template) =>
        StatusOf(HttpMethod.Get, string.Format(CultureInfo.InvariantCulture, QueryTemplates[template.Get % QueryTemplates.Length], Uri.EscapeDataString(text ?? string.Empty)), null) < 500;

    [Property(MaxTest = 150, Arbitrary = [typeof(HostileValues)])]
    public bool AnyValueInAnyDoseField_JsonApi_NeverServerError(string value, NonNegativeInt field, bool check)
    {
        var name = DoseFields[field.Get % DoseFields.Length];
        var json = "{\"drug\":\"clofarabine\",\"ageYears\":10,\"sex\":\"male\",\"weightKg\":30,\"heightCm\":140,\"scrMgDl\":0.5,\"" + name + "\":" + value + "}";
        using var body = new StringContent(json, Encoding.UTF8, "application/json");
        return StatusOf(HttpMethod.Post, check ? "/api/check" : "/api/dose", body) < 500;
    }

    [Property(MaxTest = 150, Arbitrary = [typeof(HostileValues)])]
    public bool AnyValueInAnyDoseField_PageForm_NeverServerError(string value, NonNegativeInt field)
    {
        var name = DoseFields[field.Get % DoseFields.Length];
        var form = "ageYears=10&sex=male&weightKg=30&heightCm=140&scrMgDl=0.5&" + name + "=" + Uri.EscapeDataString(value.Trim('"'));
        using var body = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded");
        return StatusOf(HttpMethod.Post, "/composition/clofarabine/dose", body) < 500;
    }

    [Property(MaxTest = 100)]
    public bool AnyBytes_AsBodyOfAnyPost_NeverServerError(byte[] bytes, NonNegativeInt target, NonNegativeInt type)
    {
        string[] targets = ["/api/dose", "/api/check", "/composition/clofarabine/dose"];
        string[] types = ["application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=b", "text/plain"];
        using var body = new ByteArrayContent(bytes ?? []);
        body.Headers.TryAddWithoutValidation("Content-Type", types[type.Get % types.Length]);
        return StatusOf(HttpMethod.Post, targets[target.Get % targets.Length], body) < 500;
    }

    private int StatusOf(HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, new Uri(site.BaseAddress, path)) { Content = content };
        using var response = site.Client.SendAsync(request).GetAwaiter().GetResult();
        return (int)response.StatusCode;
    }

    /// <summary>Every byte percent-encoded, so control characters, slashes and invalid UTF-8 all reach the server.</summary>
    private static string Escape(byte[]? bytes) =>
        bytes is null || bytes.Length == 0 ? "x" : string.Concat(bytes.Take(300).Select(b => "%" + b.ToString("X2", CultureInfo.InvariantCulture)));

    /// <summary>JSON values a hostile client sends: extreme numbers, odd dates, wrong types.</summary>
    public static class HostileValues
    {
        public static Arbitrary<string> Values() =>
            Gen.OneOf(
                Gen.Elements(
                    "1e-28", "1e308", "-1e308", "0", "-0", "79228162514264337593543950335", "-79228162514264337593543950336", "1e400",
                    "0.0000000000000000000000000001", "\"NaN\"", "\"Infinity\"", "null", "true", "[]", "{}", "[1,2]",
                    "\"9999-12-31\"", "\"0001-01-01\"", "\"2026-02-30\"", "\"2026-13-01\"", "\"31/12/9999\"", "\"\\u0000\"", "\"\"",
                    "\"" + new string('9', 5000) + "\""),
                ArbMap.Default.GeneratorFor<decimal>().Select(d => d.ToString(CultureInfo.InvariantCulture)),
                ArbMap.Default.GeneratorFor<double>().Where(d => double.IsFinite(d)).Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
                ArbMap.Default.GeneratorFor<DateTime>().Select(d => "\"" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "\""),
                ArbMap.Default.GeneratorFor<string>().Where(s => s is not null).Select(s => System.Text.Json.JsonSerializer.Serialize(s)))
            .ToArbitrary();
    }
}
