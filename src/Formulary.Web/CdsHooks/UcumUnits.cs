using System.Collections.Concurrent;
using System.Globalization;
using Fhir.Metrics;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// Unit conversion through UCUM (the Fhir.Metrics implementation, no hand table): a value in any UCUM unit
/// of the same dimension as the target (kg, g, [lb_av] for a mass; cm, m, [in_i] for a length; mg/dL or
/// umol/L for a concentration) is reduced to UCUM's canonical base units, then divided by the canonical value
/// of one target unit. A unit UCUM does not know ("lbs", "Cm") or of another dimension gives null: the caller
/// says so, never guesses. Arithmetic in decimal, on the invariant text Fhir.Metrics reads and writes.
/// </summary>
internal static class UcumUnits
{
    public const string System = "http://unitsofmeasure.org";

    private static readonly ConcurrentDictionary<string, (decimal Value, string Unit)?> OneTarget = new(StringComparer.Ordinal);

    public static decimal? Convert(decimal value, string ucumCode, string targetCode)
    {
        if (Canonical(value, ucumCode) is not { } measured || OneTarget.GetOrAdd(targetCode, code => Canonical(1m, code)) is not { } one)
        {
            return null;
        }

        if (!string.Equals(measured.Unit, one.Unit, StringComparison.Ordinal) || one.Value == 0m)
        {
            return null;
        }

        try
        {
            return measured.Value / one.Value;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static (decimal Value, string Unit)? Canonical(decimal value, string code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 64)
        {
            return null;
        }

        try
        {
            if (!FhirMetricService.Instance.Value.TryCanonicalize((value.ToString(CultureInfo.InvariantCulture), code, System), out var canonical) || canonical is not { } c)
            {
                return null;
            }

            return decimal.TryParse(c.value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? (number, c.unit) : null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or FormatException or OverflowException or InvalidOperationException)
        {
            // Fhir.Metrics signals a code it cannot parse with exceptions of its own kinds; each means "not understood".
            return null;
        }
    }
}
