using System.Net;
using System.Text;
using System.Text.Json;
using Formulary.Web.Hosting;

namespace Formulary.Web.Tests.Hosting;

/// <summary>The site serves the store: dose rules come from it, and a start without a folder changes nothing.</summary>
public sealed class StoreServedSiteTests
{
    private static readonly FormularyWebOptions Options = new() { Urls = "http://127.0.0.1:0", ConsoleLogs = ConsoleLogFormat.None, MinimumLogLevel = LogLevel.Warning };

    [Fact]
    public async Task Dose_RuleQuoteWentStale_AnswersProblemNamingRule001AndPageSaysWhy()
    {
        var content = RepositoryPaths.CreateContentCopy();
        var rules = Path.Combine(content, "compositions", "clofarabine.rules.yaml");
        File.WriteAllText(rules, File.ReadAllText(rules).Replace("after at least two prior regimens.\"", "after at least three prior regimens.\"", StringComparison.Ordinal));
        var database = Path.Combine(Directory.CreateTempSubdirectory("formulary-site-").FullName, "formulary.db");
        await using var app = await ContentSite.StartAsync(Options, content, database, TimeProvider.System);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        using var body = new StringContent("{\"drug\":\"clofarabine\",\"ageYears\":10,\"sex\":\"male\",\"weightKg\":32,\"heightCm\":138,\"scrMgDl\":0.5}", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/dose", UriKind.Relative), body);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var page = await client.GetStringAsync(new Uri("/composition/clofarabine/", UriKind.Relative));
        await app.StopAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.EndsWith("/problems/dose-rules-invalid", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Contains("RULE001", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(problem.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "RULE001");
        Assert.DoesNotContain(content, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("The dose calculator is off for this drug", page, StringComparison.Ordinal);
        Assert.Contains("RULE001", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_WithoutContentOnAFilledStore_ChangesNothing()
    {
        var content = RepositoryPaths.CreateContentCopy();
        var database = Path.Combine(Directory.CreateTempSubdirectory("formulary-site-").FullName, "formulary.db");
        long generation;
        await using (var first = await ContentSite.StartAsync(Options, content, database, TimeProvider.System))
        {
            generation = await first.Services.GetRequiredService<Storage.IMonographStore>().GetGenerationAsync();
        }

        File.Delete(Path.Combine(content, "compositions", "folicacid.md"));
        await using var second = await ContentSite.StartAsync(Options, contentDirectory: null, database, TimeProvider.System);
        var store = second.Services.GetRequiredService<Storage.IMonographStore>();

        Assert.Equal(generation, await store.GetGenerationAsync());
        Assert.NotNull(await store.GetAsync(Monographs.Collection.Composition, "folicacid"));
    }

    /// <summary>Issue 7.3: <c>serve --content DIR --watch</c>; an editor saves a monograph and the page shows it within 2 s.</summary>
    [Fact]
    public async Task Watch_EditorSavesAMonograph_PageShowsTheChangeWithin2Seconds()
    {
        var content = RepositoryPaths.CreateContentCopy();
        var database = Path.Combine(Directory.CreateTempSubdirectory("formulary-site-").FullName, "formulary.db");
        await using var app = await ContentSite.StartAsync(Options, content, database, TimeProvider.System, watch: true);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        var file = Path.Combine(content, "compositions", "folicacid.md");
        Assert.DoesNotContain("Quillwort", await client.GetStringAsync(new Uri("/composition/folicacid/", UriKind.Relative)), StringComparison.Ordinal);

        // Saved the way many editors save: a temporary file, then a rename over the monograph.
        var temporary = file + ".tmp";
        File.WriteAllText(temporary, File.ReadAllText(file) + "\n\nQuillwort note.\n");
        File.Move(temporary, file, overwrite: true);
        var saved = System.Diagnostics.Stopwatch.StartNew();
        TimeSpan? seen = null;
        while (seen is null && saved.Elapsed < TimeSpan.FromSeconds(30))
        {
            var started = saved.Elapsed;
            if ((await client.GetStringAsync(new Uri("/composition/folicacid/", UriKind.Relative))).Contains("Quillwort", StringComparison.Ordinal))
            {
                seen = started;
            }

            await Task.Delay(50);
        }

        Assert.NotNull(seen);
        Assert.True(seen <= TimeSpan.FromSeconds(2), $"the page showed the saved change {seen.Value.TotalSeconds:0.00} s after the save");
        Assert.Equal(2, (await app.Services.GetRequiredService<Storage.IMonographStore>().ListVersionsAsync(Monographs.Collection.Composition, "folicacid")).Count);
    }
}
