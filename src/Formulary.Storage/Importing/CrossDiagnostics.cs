using System.Security.Cryptography;
using System.Text;
using Formulary.Monographs.Diagnostics;

namespace Formulary.Storage.Importing;

/// <summary>
/// The diagnostics that depend on other documents (a broken link, a duplicate slug, a combination part no composition matches): they can change
/// while the document's own bytes do not, so the store keeps a fingerprint of them per document and
/// refreshes the stored model in place when it changes.
/// </summary>
public static class CrossDiagnostics
{
    private static readonly HashSet<string> Codes = [DiagnosticCodes.BrokenLink.Code, DiagnosticCodes.DuplicateSlug.Code, DiagnosticCodes.CombinationPartUnmatched.Code];

    public static bool IsCross(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return Codes.Contains(diagnostic.Code);
    }

    /// <summary>Empty for none; else a short hash of the codes, positions and messages.</summary>
    public static string Key(IReadOnlyList<Diagnostic> cross)
    {
        ArgumentNullException.ThrowIfNull(cross);
        if (cross.Count == 0)
        {
            return string.Empty;
        }

        var text = string.Join('\n', cross.Select(d => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{d.Code}|{d.Line}|{d.Column}|{d.Message}")));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    /// <summary>
    /// The errors that keep a version from being published: the document's own (parse and lint) errors.
    /// Cross-document findings and rule errors do not (a rules file that does not load only disables the calculator).
    /// </summary>
    public static IEnumerable<Diagnostic> PublishingErrors(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && !IsCross(d) && !d.Code.StartsWith("RULE", StringComparison.Ordinal));
}
