using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Loading;
using Formulary.Monographs.Model;
using Formulary.Monographs.Parsing;
using Formulary.Monographs.Parsing.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Formulary.Monographs.Rules;

/// <summary>
/// Reads a <c>{slug}.rules.yaml</c> into a <see cref="Clinical.Profiles.DrugProfile"/> and verifies
/// every citation against the monograph beside it. Never throws on bad content: every problem is a
/// RULE diagnostic with the rules file's line and column.
/// </summary>
public static class RulesLoader
{
    public const string Suffix = ".rules.yaml";

    /// <summary>Rules files are a few kilobytes; anything above 1 MiB is refused unread.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary><c>compositions/clofarabine.rules.yaml</c> → <c>compositions/clofarabine.md</c>.</summary>
    public static string MonographPathFor(string rulesFile)
    {
        ArgumentNullException.ThrowIfNull(rulesFile);
        return rulesFile[..^Suffix.Length] + ".md";
    }

    /// <summary><c>clofarabine.md</c> → <c>clofarabine.rules.yaml</c> in the same folder.</summary>
    public static string RulesPathFor(string monographFile)
    {
        ArgumentNullException.ThrowIfNull(monographFile);
        return string.Concat(Stem(monographFile), Suffix);
    }

    /// <summary>
    /// As <see cref="RulesPathFor(string)"/>, written into <paramref name="destination"/> (at least the file's length plus
    /// <see cref="Suffix"/>'s): a listing stamps every file's rules file without making a string for each.
    /// </summary>
    public static ReadOnlySpan<char> RulesPathFor(ReadOnlySpan<char> monographFile, Span<char> destination)
    {
        var stem = Stem(monographFile);
        stem.CopyTo(destination);
        Suffix.CopyTo(destination[stem.Length..]);
        return destination[..(stem.Length + Suffix.Length)];
    }

    /// <summary>The path without its extension, as <see cref="Path.ChangeExtension(string, string)"/> with null takes it off.</summary>
    private static ReadOnlySpan<char> Stem(ReadOnlySpan<char> path)
    {
        for (var i = path.Length - 1; i >= 0; i--)
        {
            if (path[i] == '.')
            {
                return path[..i];
            }

            if (path[i] == Path.DirectorySeparatorChar || path[i] == Path.AltDirectorySeparatorChar)
            {
                break;
            }
        }

        return path;
    }

    public static string SlugOf(string rulesFile)
    {
        ArgumentNullException.ThrowIfNull(rulesFile);
        return rulesFile.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase)
            ? SlugRule.FromFileName(rulesFile, Suffix)
            : SlugRule.Normalize(Path.GetFileNameWithoutExtension(rulesFile));
    }

    /// <summary>
    /// Reads the file through its content folder (by default the one it sits in), refusing an oversized,
    /// special or unreadable one and a link leading outside the folder, and loads it.
    /// </summary>
    public static RulesLoadResult LoadFile(string rulesFile, Monograph? monograph, ContentFolder? folder = null)
    {
        ArgumentNullException.ThrowIfNull(rulesFile);
        var read = (folder ?? ContentFolder.Containing(rulesFile)).Read(rulesFile, MaxBytes);
        if (read.Problem is { } problem)
        {
            return new RulesLoadResult(null, [], [problem]);
        }

        return read.TooLarge
            ? Failed(rulesFile, "the rules file is larger than 1 MiB; it was not read")
            : Load(rulesFile, System.Text.Encoding.UTF8.GetString(read.Bytes), monograph);
    }

    public static RulesLoadResult Load(string rulesFile, string yamlText, Monograph? monograph)
    {
        ArgumentNullException.ThrowIfNull(rulesFile);
        ArgumentNullException.ThrowIfNull(yamlText);
        if (yamlText.Contains('\0', StringComparison.Ordinal))
        {
            return Failed(rulesFile, "the rules file holds NUL bytes: it is binary, not YAML");
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new GuardedParser(new Parser(new StringReader(yamlText)), ParserLimits.Default));
        }
        catch (YamlLimitExceededException e)
        {
            return Failed(rulesFile, e.Message, e.Position);
        }
        catch (YamlException e)
        {
            return Failed(rulesFile, "invalid YAML: " + e.Message, e.Start);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return Failed(rulesFile, "invalid YAML: " + e.Message);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return Failed(rulesFile, "the rules file must be a YAML mapping (schema, drug, regimens, ...)");
        }

        var yaml = new RulesYaml(rulesFile);
        var profile = new RulesReader(yaml).Read(root, SlugOf(rulesFile));
        var diagnostics = yaml.Diagnostics.ToList();
        if (monograph is null)
        {
            diagnostics.Add(DiagnosticCodes.RuleMonographMissing.At(rulesFile, 1, 1,
                $"there is no monograph {Path.GetFileName(MonographPathFor(rulesFile))} beside the rules file to verify its citations against"));
        }
        else
        {
            diagnostics.AddRange(CitationVerifier.Verify(rulesFile, monograph, yaml.Citations));
        }

        if (profile is { Review.IsReviewed: false })
        {
            diagnostics.Add(DiagnosticCodes.RuleDraft.At(rulesFile, 1, 1,
                "these rules are a draft: the calculator does not use them until an editor sets review: { status: reviewed, by: NAME, date: YYYY-MM-DD }"));
        }

        var hasErrors = diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        return new RulesLoadResult(hasErrors ? null : profile, yaml.Citations, diagnostics);
    }

    /// <summary>
    /// The <c>review.status</c> a rules file states (<c>draft</c>, <c>reviewed</c>, anything else as written),
    /// or null when the text is not a readable mapping or states none (a hand-written schema-1 file).
    /// Read without the monograph, so that a stale reviewed file is still known to be reviewed.
    /// </summary>
    public static string? ReviewStatusOf(string yamlText)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        var stream = new YamlStream();
        try
        {
            stream.Load(new GuardedParser(new Parser(new StringReader(yamlText)), ParserLimits.Default));
        }
        catch (Exception e) when (e is YamlException or YamlLimitExceededException or InvalidOperationException or ArgumentException)
        {
            return null;
        }

        return stream.Documents.Count > 0
            && stream.Documents[0].RootNode is YamlMappingNode root
            && root.Children.TryGetValue(new YamlScalarNode("review"), out var review)
            && review is YamlMappingNode block
            && block.Children.TryGetValue(new YamlScalarNode("status"), out var status)
            && status is YamlScalarNode { Value: { } value }
                ? value
                : null;
    }

    private static RulesLoadResult Failed(string rulesFile, string message, Mark? at = null) =>
        new(null, [], [DiagnosticCodes.RuleFileUnreadable.At(rulesFile, checked((int)Math.Max(at?.Line ?? 1, 1)), checked((int)Math.Max(at?.Column ?? 1, 1)), message)]);
}
