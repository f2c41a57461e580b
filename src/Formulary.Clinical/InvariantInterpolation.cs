using System.Globalization;
using System.Runtime.CompilerServices;

namespace Formulary.Clinical;

/// <summary>
/// The interpolated-string handler of <see cref="InvariantText.Invariant"/>: the runtime's own handler, given the invariant
/// culture; a decimal with a simple custom pattern is written by <see cref="DecimalPattern"/>.
/// </summary>
[InterpolatedStringHandler]
public ref struct InvariantInterpolation
{
    private DefaultInterpolatedStringHandler inner;

    public InvariantInterpolation(int literalLength, int formattedCount) =>
        inner = new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture);

    public void AppendLiteral(string value) => inner.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => inner.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format)
    {
        if (typeof(T) == typeof(decimal) && format is not null)
        {
            Span<char> text = stackalloc char[DecimalPattern.MaxLength];
            if (DecimalPattern.TryFormat(Unsafe.As<T, decimal>(ref value), format, text, out var written))
            {
                inner.AppendFormatted((ReadOnlySpan<char>)text[..written]);
                return;
            }
        }

        inner.AppendFormatted(value, format);
    }

    public void AppendFormatted<T>(T value, int alignment) => inner.AppendFormatted(value, alignment);

    public void AppendFormatted<T>(T value, int alignment, string? format) => inner.AppendFormatted(value, alignment, format);

    public void AppendFormatted(ReadOnlySpan<char> value) => inner.AppendFormatted(value);

    public void AppendFormatted(ReadOnlySpan<char> value, int alignment = 0, string? format = null) => inner.AppendFormatted(value, alignment, format);

    public void AppendFormatted(string? value) => inner.AppendFormatted(value);

    public void AppendFormatted(string? value, int alignment = 0, string? format = null) => inner.AppendFormatted(value, alignment, format);

    public void AppendFormatted(object? value, int alignment = 0, string? format = null) => inner.AppendFormatted(value, alignment, format);

    public string ToStringAndClear() => inner.ToStringAndClear();
}
