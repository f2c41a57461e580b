using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Loading;
using Formulary.Monographs.Model;

namespace Formulary.Monographs.Rules;

/// <summary>Lint hook: the RULE diagnostics of every <c>{slug}.rules.yaml</c> found beside a loaded monograph.</summary>
internal static class RulesLint
{
    public static IEnumerable<Diagnostic> Run(IEnumerable<Monograph> monographs, ContentFolder folder)
    {
        foreach (var monograph in monographs)
        {
            var rules = RulesLoader.RulesPathFor(monograph.SourcePath);
            if (FileProbe.KindOf(rules) != FileKind.Missing || File.Exists(rules))
            {
                foreach (var diagnostic in RulesLoader.LoadFile(rules, monograph, folder).Diagnostics)
                {
                    yield return diagnostic;
                }
            }
        }
    }
}
