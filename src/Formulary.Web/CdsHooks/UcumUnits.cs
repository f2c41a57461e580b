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
/// <remarks>
/// Fhir.Metrics parses and reduces the unit expression on every call (measured: 40% of an order-sign call), so
/// each unit's canonical value of one is kept (<see cref="MaxKeptUnits"/> units at most: codes come from
/// requests) and a value is multiplied by it — for a unit whose reduction is proportional, checked when it is
/// first met (1 and 1000 must reduce to x and 1000x in the same base unit). A unit that is not proportional
/// (UCUM's special units: Cel, [degF], [pH]) or not known is reduced by Fhir.Metrics every time, as before.
/// </remarks>
internal static class UcumUnits
{
    public const string System = "http://unitsofmeasure.org";

    public const int MaxKeptUnits = 256;

    private static readonly ConcurrentDictionary<string, (decimal Value, string Unit)> OneOf = new(StringComparer.Ordinal);

    /// <summary>Whether a quantity names its unit by a UCUM code (the system and a code): units are read only that way, never from display text.</summary>
    public static bool IsCoded(Hl7.Fhir.Model.Quantity quantity) => quantity.System == System && !string.IsNullOrWhiteSpace(quantity.Code);

    /// <summary>Why a quantity that is not <see cref="IsCoded"/> is not read: "has the unit 'kg' without a UCUM code (system …); the unit cannot be told".</summary>
    public static string Uncoded(Hl7.Fhir.Model.Quantity quantity) =>
        $"has the unit '{quantity.Unit ?? quantity.Code ?? "none"}' without a UCUM code (system {System}); the unit cannot be told";

    /// <summary>A quantity with a comparator as FHIR writes it, quoted: <c>'&lt; 60'</c>.</summary>
    public static string Inexact(Hl7.Fhir.Model.Quantity quantity) =>
        $"'{Hl7.Fhir.Utility.EnumUtility.GetLiteral(quantity.Comparator)} {quantity.Value?.ToString(CultureInfo.InvariantCulture)}'";

    /// <summary>Whether UCUM knows <paramref name="code"/> as a unit it can reduce (case-sensitive, as UCUM codes are).</summary>
    public static bool Knows(string code) => Reduce(1m, code) is not null;

    public static decimal? Convert(decimal value, string ucumCode, string targetCode)
    {
        if (Reduce(value, ucumCode) is not { } measured || Reduce(1m, targetCode) is not { } one)
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

    /// <summary>The value in canonical base units: by the kept factor of a proportional unit, else by Fhir.Metrics.</summary>
    private static (decimal Value, string Unit)? Reduce(decimal value, string code)
    {
        if (code is null || !OneOf.TryGetValue(code, out var one))
        {
            // Codes are client input: once the table is full, a new unit is reduced with its value, once.
            if (OneOf.Count >= MaxKeptUnits)
            {
                return Canonical(value, code!);
            }

            if (Canonical(1m, code!) is not { } unit)
            {
                return null;
            }

            if (Canonical(1000m, code!) is not { } thousand || thousand.Unit != unit.Unit || thousand.Value != unit.Value * 1000m)
            {
                return Canonical(value, code!);
            }

            OneOf.TryAdd(code!, unit);
            one = unit;
        }

        try
        {
            return (value * one.Value, one.Unit);
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
