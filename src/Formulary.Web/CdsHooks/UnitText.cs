using System.Collections.Concurrent;
using System.Collections.Frozen;
using Hl7.Fhir.Model;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// The human text of a Quantity's unit (<c>Quantity.unit</c>) compared with its UCUM code. The code is what is read
/// (ADR 0012, decision 4), but a text that names another unit than the code ("lb" beside the code "kg", "g" beside "mg")
/// means the sender's record disagrees with itself: which was meant cannot be told, and the value is not used. The text
/// is free, so it is understood when it is a spelling in <see cref="Spellings"/> (compared lower-case, without spaces or
/// a trailing full stop: "Kg", "kgs", "kilograms" all name kg) or, as written, a code UCUM knows; it agrees when one of it
/// is exactly one of the code in UCUM (mg/dL and mg/100mL agree). A text that cannot be understood ("Body weight", "1 kg",
/// an empty one) says nothing against the code, and the code is trusted as before. The spellings map words to UCUM codes
/// only, never to factors: every conversion stays UCUM's.
/// </summary>
internal static class UnitText
{
    /// <summary>Spellings of the units a dose check reads, lower-case, to the UCUM code each names.</summary>
    private static readonly FrozenDictionary<string, string> Spellings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["kg"] = "kg", ["kgs"] = "kg", ["kilo"] = "kg", ["kilos"] = "kg", ["kilogram"] = "kg", ["kilograms"] = "kg", ["kilogramme"] = "kg", ["kilogrammes"] = "kg",
        ["g"] = "g", ["gm"] = "g", ["gms"] = "g", ["gram"] = "g", ["grams"] = "g", ["gramme"] = "g", ["grammes"] = "g",
        ["mg"] = "mg", ["mgs"] = "mg", ["milligram"] = "mg", ["milligrams"] = "mg", ["milligramme"] = "mg", ["milligrammes"] = "mg",
        ["ug"] = "ug", ["mcg"] = "ug", ["µg"] = "ug", ["μg"] = "ug", ["microgram"] = "ug", ["micrograms"] = "ug",
        ["lb"] = "[lb_av]", ["lbs"] = "[lb_av]", ["lb_av"] = "[lb_av]", ["[lb_av]"] = "[lb_av]", ["pound"] = "[lb_av]", ["pounds"] = "[lb_av]",
        ["oz"] = "[oz_av]", ["ounce"] = "[oz_av]", ["ounces"] = "[oz_av]",
        ["cm"] = "cm", ["cms"] = "cm", ["centimetre"] = "cm", ["centimetres"] = "cm", ["centimeter"] = "cm", ["centimeters"] = "cm",
        ["mm"] = "mm", ["millimetre"] = "mm", ["millimetres"] = "mm", ["millimeter"] = "mm", ["millimeters"] = "mm",
        ["m"] = "m", ["metre"] = "m", ["metres"] = "m", ["meter"] = "m", ["meters"] = "m",
        ["in"] = "[in_i]", ["ins"] = "[in_i]", ["inch"] = "[in_i]", ["inches"] = "[in_i]", ["in_i"] = "[in_i]", ["[in_i]"] = "[in_i]",
        ["ft"] = "[ft_i]", ["foot"] = "[ft_i]", ["feet"] = "[ft_i]",
        ["mg/dl"] = "mg/dL", ["mg/100ml"] = "mg/dL", ["mg/l"] = "mg/L",
        ["umol/l"] = "umol/L", ["µmol/l"] = "umol/L", ["μmol/l"] = "umol/L", ["micromol/l"] = "umol/L", ["micromole/l"] = "umol/L", ["micromoles/l"] = "umol/L",
        ["mmol/l"] = "mmol/L",
        ["mg/m2"] = "mg/m2", ["mg/m²"] = "mg/m2", ["mg/kg"] = "mg/kg",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Whether a text and code disagree, kept per pair: every call's weight, height, creatinine and dose would otherwise fold the
    /// text and convert through UCUM again. Texts and codes are client input, so at most <see cref="UcumUnits.MaxKeptUnits"/>
    /// pairs are kept; a pair met after that is decided each time, as before.
    /// </summary>
    private static readonly ConcurrentDictionary<(string Text, string Code), bool> Verdicts = new();

    /// <summary>The UCUM code a unit text names, or null when it cannot be understood.</summary>
    public static string? Named(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return null;
        }

        var folded = string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant().TrimEnd('.');
        return Spellings.TryGetValue(folded, out var code) ? code
            : UcumUnits.Knows(text.Trim()) ? text.Trim()
            : null;
    }

    /// <summary>
    /// "gives its unit as 'lb' in text but 'kg' in its UCUM code" when a coded quantity's text names another unit than its
    /// code; null when they agree, when the text cannot be understood, or when UCUM does not know the code (said elsewhere).
    /// </summary>
    public static string? Mismatch(Quantity quantity)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        if (!UcumUnits.IsCoded(quantity) || quantity.Unit is not { } text)
        {
            return null;
        }

        var pair = (text, quantity.Code!);
        if (!Verdicts.TryGetValue(pair, out var disagrees))
        {
            disagrees = Disagree(text, quantity.Code!);
            if (Verdicts.Count < UcumUnits.MaxKeptUnits)
            {
                Verdicts.TryAdd(pair, disagrees);
            }
        }

        return disagrees ? $"gives its unit as '{text}' in text but '{quantity.Code}' in its UCUM code" : null;
    }

    private static bool Disagree(string text, string code) =>
        UcumUnits.Knows(code) && Named(text) is { } named && UcumUnits.Convert(1m, named, code) != 1m;
}
