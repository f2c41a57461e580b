using System.Globalization;
using static Formulary.Clinical.InvariantText;

namespace Formulary.Clinical.Tests.Text;

/// <summary>
/// Numbers in text are written one way whatever the thread's culture: a dose of 1234.5 must never read "1.234,5".
/// The culture below writes decimals with a comma and groups with a period (as de-DE does; predefined cultures are not
/// loaded in this build's invariant-globalization mode, so it is made by hand).
/// </summary>
public sealed class InvariantTextTests
{
    [Fact]
    public void Invariant_UnderACommaDecimalCulture_WritesAPointAndNoGrouping()
    {
        var original = CultureInfo.CurrentCulture;
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.NumberGroupSeparator = ".";
        try
        {
            CultureInfo.CurrentCulture = comma;
            decimal dose = 1234.5m;
            Assert.Equal("1234,5", $"{dose}"); // the culture is in effect: plain interpolation follows it
            Assert.Equal("1234.5 mg, 2.50 m², 3 doses", Invariant($"{dose} mg, {2.5m:0.00} m², {3} doses"));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Invariant_AlignmentAndSpans_AsTheRuntimeWritesThem() =>
        Assert.Equal("[   42|ab  ]", Invariant($"[{42,5}|{"ab".AsSpan(),-4}]"));
}
