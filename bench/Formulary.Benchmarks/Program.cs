using System.Globalization;
using BenchmarkDotNet.Running;
using Formulary.Benchmarks.Parsing;

namespace Formulary.Benchmarks;

internal static class BenchmarkProgram
{
    /// <summary>
    /// <c>generate-corpus --out DIR [--count N]</c> writes the parsing corpus as a content folder;
    /// <c>profile-search [--rounds N] [--one-range] [--cold] [--first] [--reverse] [--forget-prefixes] [--no-warm-up] [--dump FILE]</c> times the parts of the indexed search (<see cref="Storage.SearchProfile"/>);
    /// <c>alloc-cds</c> prints the bytes each stage of an order-sign call allocates (<see cref="CdsHooks.AllocProbe"/>);
    /// anything else goes to BenchmarkDotNet.
    /// </summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "generate-corpus")
        {
            return GenerateCorpus(args[1..]);
        }

        if (args.Length > 0 && args[0] == "alloc-cds")
        {
            return CdsHooks.AllocProbe.Run();
        }

        if (args.Length > 0 && args[0] == "profile-search")
        {
            return Storage.SearchProfile.Run(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }

    private static int GenerateCorpus(string[] args)
    {
        string? output = null;
        var count = 5000;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--out": output = args[i + 1]; break;
                case "--count" when int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 3: count = n; break;
                default:
                    Console.Error.WriteLine($"generate-corpus: unknown or invalid option '{args[i]}'");
                    return 2;
            }
        }

        if (output is null)
        {
            Console.Error.WriteLine("usage: generate-corpus --out DIR [--count N]   (N >= 3, default 5000)");
            return 2;
        }

        var documents = CorpusGenerator.Generate(RepositoryContent.Find(), count);
        CorpusGenerator.WriteTo(documents, output);
        Console.WriteLine($"wrote {documents.Count} documents to {Path.GetFullPath(output)}");
        return 0;
    }
}
