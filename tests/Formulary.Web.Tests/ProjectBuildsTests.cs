namespace Formulary.Web.Tests;

public sealed class ProjectBuildsTests
{
    [Fact]
    public void Assembly_Loads_HasFormularyName()
    {
        Assert.StartsWith("Formulary", typeof(ProjectBuildsTests).Assembly.GetName().Name, StringComparison.Ordinal);
    }
}
