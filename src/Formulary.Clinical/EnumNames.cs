namespace Formulary.Clinical;

/// <summary>
/// An enumeration value's name in lower case, as traces, cards and tables write it (<c>female</c>, <c>warning</c>).
/// The names are read once per type and kept: an enum's <c>ToString()</c> goes through reflection caches that the
/// runtime may drop under memory pressure, which profiling showed on every dose answer.
/// </summary>
public static class EnumNames
{
    public static string LowerCase<T>(this T value)
        where T : struct, Enum =>
        Names<T>.Lower.TryGetValue(value, out var name) ? name : value.ToString().ToLowerInvariant();

    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly IReadOnlyDictionary<T, string> Lower = Enum.GetValues<T>().Distinct().ToDictionary(v => v, v => v.ToString().ToLowerInvariant());
    }
}
