using Formulary.Cli.Tests.Commands;

namespace Formulary.Cli.Tests;

/// <summary>
/// The command tree built for a command line: the named command alone when the first word names one, every
/// command otherwise. Either way the user sees the same commands, help and errors.
/// </summary>
public sealed class FormularyCliTests
{
    public static TheoryData<string> CommandNames() => new(FormularyCli.Factories.Keys);

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void EachCommand_IsFiledUnderItsOwnName(string name)
    {
        Assert.Equal(name, FormularyCli.Factories[name]().Name);
    }

    [Fact]
    public void RootHelp_ListsEveryCommand()
    {
        var (exit, output, _) = CliRun.Run("--help");

        Assert.Equal(FormularyCli.ExitOk, exit);
        foreach (var name in new[] { "lint", "import", "show", "dose", "check", "serve", "export-site", "db", "cds-feedback", "rules" })
        {
            Assert.Contains($"  {name} ", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void UnknownCommand_IsUsageError()
    {
        var (exit, _, error) = CliRun.Run("imprt", CliRun.Content);

        Assert.Equal(FormularyCli.ExitUsage, exit);
        Assert.Contains("imprt", error, StringComparison.Ordinal);
    }

    [Fact]
    public void NamedCommand_WithAnUnknownOption_IsUsageError()
    {
        var (exit, _, error) = CliRun.Run("import", CliRun.Content, "--no-such-option");

        Assert.Equal(FormularyCli.ExitUsage, exit);
        Assert.Contains("--no-such-option", error, StringComparison.Ordinal);
    }

    [Fact]
    public void NamedCommand_HelpIsItsOwn()
    {
        var (exit, output, _) = CliRun.Run("import", "--help");

        Assert.Equal(FormularyCli.ExitOk, exit);
        Assert.Contains("--prune", output, StringComparison.Ordinal);
        Assert.DoesNotContain("export-site", output, StringComparison.Ordinal);
    }
}
