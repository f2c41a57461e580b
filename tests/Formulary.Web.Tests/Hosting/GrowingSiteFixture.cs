using System.Globalization;
using Formulary.Web.Hosting;

namespace Formulary.Web.Tests.Hosting;

/// <summary>
/// The site with more content than fits one A–Z page (<see cref="ZetaCount"/> compositions titled
/// "Zeta 001"… under Z) and a history: after start, clofarabine's Usage section gains a line and the
/// content is imported again, so clofarabine has versions 1 and 2 (both imported at <see cref="SiteFixture.Now"/>).
/// </summary>
public sealed class GrowingSiteFixture : SiteFixture
{
    public const int ZetaCount = 230;

    public const string AddedLine = "A line added for the history tests.";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var file = Path.Combine(ContentDirectory, "compositions", "clofarabine.md");
        var text = await File.ReadAllTextAsync(file);
        const string usage = "## **Usage**\n";
        var at = text.IndexOf(usage, StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, text.Insert(at + usage.Length, "\n" + AddedLine + "\n"));
        await ContentSite.ImportAsync(Services, ContentDirectory);
    }

    protected override async Task AddContentAsync(string contentDirectory)
    {
        for (var i = 1; i <= ZetaCount; i++)
        {
            var number = i.ToString("000", CultureInfo.InvariantCulture);
            await File.WriteAllTextAsync(
                Path.Combine(contentDirectory, "compositions", $"zeta-{number}.md"),
                $"---\ntitle: Zeta {number}\ndescription: Generated for the A-Z paging tests.\n---\n## **Usage**\n\nGenerated monograph {number}.\n");
        }
    }
}
