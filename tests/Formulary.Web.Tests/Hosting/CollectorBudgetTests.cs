using Formulary.Web.Hosting;

namespace Formulary.Web.Tests.Hosting;

/// <summary>The start-up warning about the gen-0 budget: given only when the machine lists no caches and no variable sets it.</summary>
public sealed class CollectorBudgetTests
{
    [Fact]
    public void NoCachesListed_AndNothingSet_WarnsAndNamesTheSetting()
    {
        var advice = CollectorBudget.Advice(_ => null, cachesReported: false);

        Assert.NotNull(advice);
        Assert.Contains("DOTNET_GCgen0size=0x4000000", advice, StringComparison.Ordinal);
        Assert.Contains("DEPLOYMENT.md", advice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DOTNET_GCgen0size")]
    [InlineData("COMPlus_GCgen0size")]
    public void BudgetSet_EitherWay_IsQuiet(string variable)
    {
        Assert.Null(CollectorBudget.Advice(name => name == variable ? "0x4000000" : null, cachesReported: false));
    }

    [Fact]
    public void BudgetSetEmpty_StillWarns()
    {
        Assert.NotNull(CollectorBudget.Advice(_ => string.Empty, cachesReported: false));
    }

    [Fact]
    public void CachesListed_IsQuiet()
    {
        Assert.Null(CollectorBudget.Advice(_ => null, cachesReported: true));
    }
}
