using Formulary.Web.Tests.Hosting;

namespace Formulary.Web.Tests.Browser;

/// <summary>One browser and one site for all browser tests (starting Chromium is the slow part).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>, ICollectionFixture<SiteFixture>
{
    public const string Name = "browser";
}
