namespace Formulary.Clinical;

/// <summary>
/// Text with every number in it formatted by the invariant culture: <c>Invariant($"{dose} mg")</c>, imported statically
/// where text is built. The same text as <see cref="FormattableString.Invariant"/>, built by the compiler's interpolation
/// handler straight into a pooled buffer: no <see cref="FormattableString"/>, argument array or boxed number per call
/// (7% of what a CDS Hooks call allocated; ADR 0012 decision 17).
/// </summary>
public static class InvariantText
{
    public static string Invariant(ref InvariantInterpolation text) => text.ToStringAndClear();
}
