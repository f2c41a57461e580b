using System.Net;
using System.Text;
using System.Text.Json;
using Formulary.Web.Hosting;

namespace Formulary.Web.Tests.Hosting;

/// <summary>Schema-2 rules on the site: a reviewed sample answers with regimens; a draft shows its statements and computes nothing.</summary>
public sealed class DraftRulesSiteTests
{
    private static readonly FormularyWebOptions Options = new() { Urls = "http://127.0.0.1:0", ConsoleLogs = ConsoleLogFormat.None, MinimumLogLevel = LogLevel.Warning };

    private const string Child = "{\"drug\":\"paracetamol\",\"ageYears\":8,\"sex\":\"female\",\"weightKg\":25,\"heightCm\":128,\"scrMgDl\":0.5}";

    private static async Task<(HttpStatusCode Status, string Body, string Page)> AskAsync(string content)
    {
        var database = Path.Combine(Directory.CreateTempSubdirectory("formulary-site-").FullName, "formulary.db");
        await using var app = await ContentSite.StartAsync(Options, content, database, TimeProvider.System);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        using var body = new StringContent(Child, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/dose", UriKind.Relative), body);
        var answer = await response.Content.ReadAsStringAsync();
        var page = await client.GetStringAsync(new Uri("/composition/paracetamol/", UriKind.Relative));
        await app.StopAsync();
        return (response.StatusCode, answer, page);
    }

    [Fact]
    public async Task Dose_ReviewedSample_AnswersRegimens()
    {
        var (status, body, page) = await AskAsync(RepositoryPaths.CreateContentCopy());

        Assert.Equal(HttpStatusCode.OK, status);
        var regimen = JsonDocument.Parse(body).RootElement.GetProperty("regimens").EnumerateArray().Single();
        // 15 mg/kg × 25 kg = 375 mg per dose; 4-6 doses a day, capped at 75 mg/kg/day × 25 kg = 1875 mg
        Assert.Equal(375m, regimen.GetProperty("perDoseMg").GetProperty("min").GetDecimal());
        Assert.Equal(1875m, regimen.GetProperty("perDayMg").GetProperty("max").GetDecimal());
        Assert.Equal("mg/kg", regimen.GetProperty("basis").GetString());
        Assert.DoesNotContain("Dosing statements (machine-read, not reviewed)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dose_DraftRules_NoDoseAndPageListsStatements()
    {
        var content = RepositoryPaths.CreateContentCopy();
        var rules = Path.Combine(content, "compositions", "paracetamol.rules.yaml");
        File.WriteAllText(rules, File.ReadAllText(rules).Replace("review: { status: reviewed, by: Formulary sample editor, date: 2026-11-30 }", "review: { status: draft }", StringComparison.Ordinal));

        var (status, body, page) = await AskAsync(content);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("draft", JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Dosing statements (machine-read, not reviewed)", page, StringComparison.Ordinal);
        Assert.Contains("CrCl 10-50 mL/min: give every 6 hours.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"weightKg\"", page, StringComparison.Ordinal);
    }
}
