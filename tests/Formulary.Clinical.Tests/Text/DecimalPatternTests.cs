using System.Globalization;
using FsCheck.Xunit;
using static Formulary.Clinical.InvariantText;

namespace Formulary.Clinical.Tests.Text;

/// <summary>
/// The simple custom patterns written without the runtime's pattern interpreter must read exactly as the runtime writes
/// them: the reference is <see cref="decimal.ToString(string, IFormatProvider)"/> itself, over generated decimals of every
/// scale and sign and the edges where rounding, signs and trailing zeros differ.
/// </summary>
public sealed class DecimalPatternTests
{
    private static readonly string[] Handled = ["0", "0.0", "0.00", "0.000", "0.0000", "0.00000000", "0.#", "0.##", "0.###", "0.####", "0.########"];

    private static readonly decimal[] Edges =
    [
        0m, -0m, 0.00m, -0.00m, 1.50m, 2.345m, -2.345m, 0.005m, -0.005m, 0.0049m, -0.0049m, 0.995m, -0.995m, 9.9999m, 0.0001m,
        -0.001m, 1e-28m, -1e-28m, 0.00000000001m, 123.4567890m, 1000000m, 12345678.9m, decimal.MaxValue, decimal.MinValue,
        79228162514264337593543950.335m, 0.000000005m, 0.000000004999m, -0.5m, 0.5m, 1.5m, 2.5m,
    ];

    [Property(MaxTest = 2000)]
    public bool HandledPatterns_ReadAsTheRuntimeWritesThem(int low, int middle, int high, bool negative, byte scale)
    {
        var value = new decimal(low, middle, high, negative, (byte)(scale % 29));
        return Handled.All(format => Written(value, format) == value.ToString(format, CultureInfo.InvariantCulture));
    }

    [Property(MaxTest = 2000)]
    public bool HandledPatterns_ReadAsTheRuntimeWritesThem_ForDoseSizedValues(int thousandths, byte scale)
    {
        var value = new decimal(thousandths) / Power(scale % 10);
        return Handled.All(format => Written(value, format) == value.ToString(format, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void HandledPatterns_AtTheEdges_ReadAsTheRuntimeWritesThem()
    {
        foreach (var value in Edges)
        {
            foreach (var format in Handled)
            {
                Assert.Equal(value.ToString(format, CultureInfo.InvariantCulture), Written(value, format));
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("0.")]
    [InlineData("#.##")]
    [InlineData("0.0#")]
    [InlineData("0.#0")]
    [InlineData("00.0")]
    [InlineData("0,0")]
    [InlineData("N2")]
    [InlineData("F2")]
    [InlineData("0.#########")]
    public void OtherPatterns_AreLeftToTheRuntime(string format)
    {
        Assert.False(DecimalPattern.TryFormat(1.25m, format, new char[DecimalPattern.MaxLength], out var written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void Invariant_WritesHandledAndOtherPatterns_AsTheRuntimeDoes()
    {
        var value = -1234.5678m;
        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture, $"{value:0.##} {value:0.00} {value:0} {value:#,0.0#} {value:N1} {value}"),
            Invariant($"{value:0.##} {value:0.00} {value:0} {value:#,0.0#} {value:N1} {value}"));
    }

    private static string Written(decimal value, string format)
    {
        var text = new char[DecimalPattern.MaxLength];
        Assert.True(DecimalPattern.TryFormat(value, format, text, out var written));
        return new string(text, 0, written);
    }

    private static decimal Power(int places)
    {
        var power = 1m;
        for (var i = 0; i < places; i++)
        {
            power *= 10m;
        }

        return power;
    }
}
