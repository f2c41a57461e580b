using System.Globalization;
using System.Net;
using Formulary.Storage.Search;
using Formulary.Web.Tests.Hosting;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace Formulary.Web.Tests.Fhir;

/// <summary>
/// A name search reads the best <see cref="SearchLimits.MaxSuggestions"/> names only: when more drugs share the name, the
/// Bundle gives no total it does not know and says, in an OperationOutcome entry, that others may match.
/// </summary>
public sealed class FhirNameSearchLimitTests(FhirNameSearchLimitTests.ManyNamesSite site) : IClassFixture<FhirNameSearchLimitTests.ManyNamesSite>
{
    private const int Drugs = SearchLimits.MaxSuggestions + 5;

    [Fact]
    public async Task SearchByName_MoreDrugsThanItReads_NoTotalAndAnOutcomeSaysSo()
    {
        var bundle = await GetValidAsync("/fhir/MedicationKnowledge?name=zedamab");

        Assert.Null(bundle.Total);
        var outcome = Assert.IsType<OperationOutcome>(Assert.Single(bundle.Entry, e => e.Search?.Mode == Bundle.SearchEntryMode.Outcome).Resource);
        var issue = Assert.Single(outcome.Issue);
        Assert.Equal((OperationOutcome.IssueSeverity.Warning, OperationOutcome.IssueType.Incomplete), (issue.Severity, issue.Code));
        Assert.StartsWith($"At least {SearchLimits.MaxSuggestions} names match 'zedamab'", issue.Diagnostics, StringComparison.Ordinal);
        Assert.Equal(SearchLimits.MaxSuggestions, bundle.Entry.Count(e => e.Search?.Mode == Bundle.SearchEntryMode.Match));
    }

    [Fact]
    public async Task SearchByName_FewerThanItReads_TotalIsEveryMatch()
    {
        var bundle = await GetValidAsync("/fhir/MedicationKnowledge?name=zedamab-1");

        // zedamab-1 and zedamab-10 … zedamab-19: eleven names, each a drug of its own.
        Assert.Equal(11, bundle.Total);
        Assert.DoesNotContain(bundle.Entry, e => e.Search?.Mode == Bundle.SearchEntryMode.Outcome);
    }

    private async Task<Bundle> GetValidAsync(string path)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        var bundle = Assert.IsType<Bundle>(FhirValidation.Parse(body));
        Assert.Empty(await FhirValidation.ErrorsAsync(bundle, site.Client));
        return bundle;
    }

    /// <summary>The site with <see cref="Drugs"/> compositions named Zedamab 1, Zedamab 2, …</summary>
    public sealed class ManyNamesSite : SiteFixture
    {
        protected override async Task AddContentAsync(string contentDirectory)
        {
            for (var i = 1; i <= Drugs; i++)
            {
                var n = i.ToString(CultureInfo.InvariantCulture);
                await File.WriteAllTextAsync(
                    Path.Combine(contentDirectory, "compositions", $"zedamab-{n}.md"),
                    $"---\ntitle: Zedamab-{n}\ndescription: Zedamab-{n} is a test composition.\n---\n## Usage\nA test drug.\n");
            }
        }
    }
}
