using System.Net;
using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.Pages;

/// <summary>
/// Issue 9.8: a combination whose front matter lists no ingredients (the test content's
/// "Ondansetron + Paracétamol") links the compositions its title names, and each of them lists it.
/// </summary>
public sealed class CombinationLinkTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task CombinationWithoutIngredientsField_Page_LinksTheCompositionsItsTitleNames()
    {
        var html = await site.Client.GetStringAsync(new Uri("/composition/combination/ondansetron-paracetamol/", UriKind.Relative));

        Assert.Contains("<a href=\"/composition/ondansetron/\">Ondansetron</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/composition/paracetamol/\">Paracetamol</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/composition/ondansetron/")]
    [InlineData("/composition/paracetamol/")]
    public async Task Ingredient_Page_ListsTheCombinationItsNameMatched(string path)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"/composition/combination/ondansetron-paracetamol/\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CombinationWithIngredientsField_StillLinkedFromItsList()
    {
        var html = await site.Client.GetStringAsync(new Uri("/composition/folicacid/", UriKind.Relative));

        Assert.Contains("href=\"/composition/combination/folicacid-methotrexate/\"", html, StringComparison.Ordinal);
    }
}
