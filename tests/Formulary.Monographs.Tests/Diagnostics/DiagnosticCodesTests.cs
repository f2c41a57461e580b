using System.Text.RegularExpressions;
using Formulary.Monographs.Diagnostics;

namespace Formulary.Monographs.Tests.Diagnostics;

public sealed partial class DiagnosticCodesTests
{
    [Fact]
    public void All_Codes_AreUniqueAndWellFormed()
    {
        var codes = DiagnosticCodes.All.Select(d => d.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, code => Assert.Matches(CodePattern(), code));
    }

    [Fact]
    public void All_ListsEveryDescriptorProperty()
    {
        var properties = typeof(DiagnosticCodes).GetProperties()
            .Where(p => p.PropertyType == typeof(DiagnosticDescriptor))
            .Select(p => (DiagnosticDescriptor)p.GetValue(null)!)
            .ToList();
        Assert.Equal(properties.Count, DiagnosticCodes.All.Count);
        Assert.All(properties, p => Assert.Contains(p, DiagnosticCodes.All));
    }

    [Fact]
    public void EveryCode_IsAssertedBySomeTest()
    {
        var testSources = string.Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.EndsWith(nameof(DiagnosticCodesTests) + ".cs", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        var untested = typeof(DiagnosticCodes).GetProperties()
            .Where(p => p.PropertyType == typeof(DiagnosticDescriptor))
            .Where(p => !testSources.Contains("DiagnosticCodes." + p.Name, StringComparison.Ordinal)
                && !testSources.Contains('"' + ((DiagnosticDescriptor)p.GetValue(null)!).Code + '"', StringComparison.Ordinal))
            .Select(p => p.Name);
        Assert.Empty(untested);
    }

    [Fact]
    public void Diagnostic_ToString_CompilerFormat()
    {
        var diagnostic = DiagnosticCodes.TitleMissing.At("content/x.md", 2, 1, "no title");
        Assert.Equal("content/x.md(2,1): error MONO020: no title", diagnostic.ToString());
    }

    [GeneratedRegex("^(MONO|RULE)[0-9]{3}$")]
    private static partial Regex CodePattern();
}
