namespace Formulary.Monographs.Parsing;

/// <summary>Configures a <see cref="MonographParser"/>; <see cref="Build"/> freezes the configuration.</summary>
public sealed class MonographParserBuilder
{
    public ParserLimits Limits { get; set; } = ParserLimits.Default;

    /// <summary>Run the per-document lint checks (schema, sections, contradictions) while parsing. On by default.</summary>
    public bool Lint { get; set; } = true;

    public MonographParserBuilder WithLimits(ParserLimits limits)
    {
        Limits = limits ?? throw new ArgumentNullException(nameof(limits));
        return this;
    }

    public MonographParserBuilder WithoutLint()
    {
        Lint = false;
        return this;
    }

    public MonographParser Build() => new(Limits, Lint);
}
