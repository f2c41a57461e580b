using System.Text;
using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Model;
using Formulary.Monographs.Parsing;

namespace Formulary.Monographs.Tests;

/// <summary>Shorthands for parsing test input.</summary>
internal static class Parse
{
    public static Monograph Seed() => File(RepoPaths.Seed);

    public static Monograph File(string path, Collection collection = Collection.Composition) =>
        MonographParser.Default.Parse(collection, path, System.IO.File.ReadAllBytes(path));

    public static Monograph Text(string text, Collection collection = Collection.Composition, string path = "test.md") =>
        MonographParser.Default.Parse(collection, path, Encoding.UTF8.GetBytes(text));

    public static Monograph Fixture(string name, Collection collection = Collection.Composition) =>
        File(RepoPaths.Fixture(name), collection);

    public static IEnumerable<(int Line, int Column)> Spans(this Monograph monograph, DiagnosticDescriptor descriptor) =>
        monograph.Diagnostics.Where(d => d.Code == descriptor.Code).Select(d => (d.Line, d.Column));

    public static Diagnostic Single(this Monograph monograph, DiagnosticDescriptor descriptor) =>
        Assert.Single(monograph.Diagnostics, d => d.Code == descriptor.Code);

    public static bool Has(this Monograph monograph, DiagnosticDescriptor descriptor) =>
        monograph.Diagnostics.Any(d => d.Code == descriptor.Code);
}
