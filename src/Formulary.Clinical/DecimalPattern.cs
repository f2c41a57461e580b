using System.Globalization;

namespace Formulary.Clinical;

/// <summary>
/// A decimal written by one of the simple custom patterns the texts use — <c>0</c>, <c>0.0…0</c> (exactly k places) and
/// <c>0.#…#</c> (at most k places) — with the runtime's result, byte for byte, but not through its general pattern
/// interpreter: rounded half away from zero to k places (as custom patterns round), written with the standard <c>F</c>
/// format, trailing zeros cut for <c>#</c>. Any other pattern is left to the runtime. A full dose answer took ~5% less
/// (BENCHMARKS.md, issue 11, session 17); a property test checks this against <see cref="decimal.ToString(string, IFormatProvider)"/>.
/// </summary>
internal static class DecimalPattern
{
    /// <summary>The longest pattern handled: <c>0.</c> and eight places.</summary>
    private const int MaxPlaces = 8;

    private static readonly string[] FixedFormats = ["F0", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8"];

    /// <summary>The characters a handled pattern can need: 29 digits, a sign, a point and <see cref="MaxPlaces"/> places.</summary>
    public const int MaxLength = 29 + 2 + MaxPlaces;

    /// <summary>Writes <paramref name="value"/> by <paramref name="format"/> when it is a simple pattern; false, writing nothing, for any other.</summary>
    public static bool TryFormat(decimal value, string format, Span<char> destination, out int written)
    {
        written = 0;
        if (!TryRead(format, out var places, out var optional))
        {
            return false;
        }

        var rounded = decimal.Round(value, places, MidpointRounding.AwayFromZero);
        if (!rounded.TryFormat(destination, out written, FixedFormats[places], CultureInfo.InvariantCulture))
        {
            return false;
        }

        if (optional)
        {
            while (destination[written - 1] == '0')
            {
                written--;
            }

            if (destination[written - 1] == '.')
            {
                written--;
            }
        }

        return true;
    }

    private static bool TryRead(string format, out int places, out bool optional)
    {
        places = 0;
        optional = false;
        if (format.Length == 0 || format[0] != '0' || format.Length == 2 || format.Length > 2 + MaxPlaces)
        {
            return false;
        }

        if (format.Length == 1)
        {
            return true;
        }

        var place = format[2];
        if (format[1] != '.' || (place != '0' && place != '#'))
        {
            return false;
        }

        for (var i = 3; i < format.Length; i++)
        {
            if (format[i] != place)
            {
                return false;
            }
        }

        places = format.Length - 2;
        optional = place == '#';
        return true;
    }
}
