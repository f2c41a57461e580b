using System.Globalization;
using System.Net;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.Api;

/// <summary>
/// Whatever number arrives in any numeric property, the policy ones included, the API answers with
/// an answer or a problem, never a 500 and never a stack trace. Over real HTTP.
/// </summary>
public sealed class DoseApiPropertyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static readonly string[] Numeric =
        ["ageYears", "weightKg", "weightLb", "heightCm", "heightIn", "scrMgDl", "scrUmolL", "scrUlnMgDl", "scrUlnUmolL", "bsaCap", "doseRoundingMg", "roundingWarnPercent"];

    [Property(MaxTest = 200)]
    public Property Dose_AnyNumberInAnyNumericProperty_NeverA500(byte which, decimal value, bool asExponent)
    {
        var name = Numeric[which % Numeric.Length];
        var number = asExponent ? value.ToString("E6", CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["drug"] = "\"clofarabine\"",
            ["ageYears"] = "10",
            ["sex"] = "\"male\"",
            ["weightKg"] = "32",
            ["heightCm"] = "138",
            ["scrMgDl"] = "0.5",
        };
        fields.Remove(name switch { "weightLb" => "weightKg", "heightIn" => "heightCm", "scrUmolL" => "scrMgDl", _ => name });
        fields[name] = number;
        var json = "{" + string.Join(",", fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}";

        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = site.Client.PostAsync(new Uri("/api/dose", UriKind.Relative), content).GetAwaiter().GetResult();
        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();

        return (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity
                && !body.Contains("   at ", StringComparison.Ordinal))
            .Label($"{json} → {(int)response.StatusCode} {body}");
    }
}
