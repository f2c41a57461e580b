using System.Text.Json;
using Hl7.Fhir.Model;
using static Formulary.Web.Fhir.Subset.SubsetPrimitives;

namespace Formulary.Web.Fhir.Subset;

/// <summary>
/// The R4 datatypes of the subset (<see cref="SubsetReader"/>), each with the few elements EHRs send for a dose
/// check. Any other element, a repeated one, a null, an empty array or a value not certainly valid makes the
/// reader decline (null), never guess.
/// </summary>
internal static class SubsetDatatypes
{
    public static Coding? Coding(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var coding = new Coding();
        var seen = new Seen();
        foreach (var property in value.EnumerateObject())
        {
            var ok =
                property.NameEquals("system"u8) ? seen.First(0) && (coding.System = Uri(property.Value)) is not null
                : property.NameEquals("code"u8) ? seen.First(1) && (coding.Code = Code(property.Value)) is not null
                : property.NameEquals("display"u8) ? seen.First(2) && (coding.Display = String(property.Value)) is not null
                : false;
            if (!ok)
            {
                return null;
            }
        }

        return seen.Any ? coding : null;
    }

    public static CodeableConcept? CodeableConcept(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var concept = new CodeableConcept();
        var seen = new Seen();
        foreach (var property in value.EnumerateObject())
        {
            var ok =
                property.NameEquals("coding"u8) ? seen.First(0) && List(property.Value, Coding, concept.Coding)
                : property.NameEquals("text"u8) ? seen.First(1) && (concept.Text = String(property.Value)) is not null
                : false;
            if (!ok)
            {
                return null;
            }
        }

        return seen.Any ? concept : null;
    }

    public static Quantity? Quantity(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var quantity = new Quantity();
        var seen = new Seen();
        foreach (var property in value.EnumerateObject())
        {
            var ok =
                property.NameEquals("value"u8) ? seen.First(0) && (quantity.Value = Decimal(property.Value)) is not null
                : property.NameEquals("comparator"u8) ? seen.First(1) && (quantity.Comparator = Enum<Quantity.QuantityComparator>(property.Value)) is not null
                : property.NameEquals("unit"u8) ? seen.First(2) && (quantity.Unit = String(property.Value)) is not null
                : property.NameEquals("system"u8) ? seen.First(3) && (quantity.System = Uri(property.Value)) is not null
                : property.NameEquals("code"u8) ? seen.First(4) && (quantity.Code = Code(property.Value)) is not null
                : false;
            if (!ok)
            {
                return null;
            }
        }

        return seen.Any ? quantity : null;
    }

    public static ResourceReference? Reference(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var reference = new ResourceReference();
        var seen = new Seen();
        foreach (var property in value.EnumerateObject())
        {
            var ok =
                property.NameEquals("reference"u8) ? seen.First(0) && (reference.Reference = String(property.Value)) is not null
                : property.NameEquals("display"u8) ? seen.First(1) && (reference.Display = String(property.Value)) is not null
                : false;
            if (!ok)
            {
                return null;
            }
        }

        return seen.Any ? reference : null;
    }

    /// <summary>A Dosage with its text, route, a timing by <c>repeat</c> (frequency, period, periodUnit) and doses by <c>doseQuantity</c>.</summary>
    public static Dosage? Dosage(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var dosage = new Dosage();
        var seen = new Seen();
        foreach (var property in value.EnumerateObject())
        {
            var ok =
                property.NameEquals("text"u8) ? seen.First(0) && (dosage.Text = String(property.Value)) is not null
                : property.NameEquals("timing"u8) ? seen.First(1) && (dosage.Timing = Timing(property.Value)) is not null
                : property.NameEquals("route"u8) ? seen.First(2) && (dosage.Route = CodeableConcept(property.Value)) is not null
                : property.NameEquals("doseAndRate"u8) ? seen.First(3) && List(property.Value, DoseAndRate, dosage.DoseAndRate)
                : false;
            if (!ok)
            {
                return null;
            }
        }

        return seen.Any ? dosage : null;
    }

    public static HumanName? HumanName(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var name = new HumanName();
        var seen = new Seen();
        foreach (var property in value.EnumerateObject())
        {
            var ok =
                property.NameEquals("text"u8) ? seen.First(0) && (name.Text = String(property.Value)) is not null
                : property.NameEquals("family"u8) ? seen.First(1) && (name.Family = String(property.Value)) is not null
                : property.NameEquals("given"u8) ? seen.First(2) && Strings(property.Value, name.GivenElement)
                : false;
            if (!ok)
            {
                return null;
            }
        }

        return seen.Any ? name : null;
    }

    /// <summary>A non-empty JSON array, each item read by <paramref name="read"/> into <paramref name="into"/>; false when any item declines.</summary>
    public static bool List<T>(JsonElement value, Func<JsonElement, T?> read, List<T> into)
        where T : class
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            return false;
        }

        foreach (var item in value.EnumerateArray())
        {
            if (read(item) is not { } element)
            {
                return false;
            }

            into.Add(element);
        }

        return true;
    }

    private static Timing? Timing(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var timing = new Timing();
        var seen = new Seen();
        foreach (var property in value.EnumerateObject())
        {
            var ok =
                property.NameEquals("repeat"u8) ? seen.First(0) && (timing.Repeat = Repeat(property.Value)) is not null
                : false;
            if (!ok)
            {
                return null;
            }
        }

        return seen.Any ? timing : null;
    }

    private static Timing.RepeatComponent? Repeat(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var repeat = new Timing.RepeatComponent();
        var seen = new Seen();
        foreach (var property in value.EnumerateObject())
        {
            var ok =
                property.NameEquals("frequency"u8) ? seen.First(0) && (repeat.Frequency = PositiveInt(property.Value)) is not null
                : property.NameEquals("period"u8) ? seen.First(1) && (repeat.Period = Decimal(property.Value)) is not null
                : property.NameEquals("periodUnit"u8) ? seen.First(2) && (repeat.PeriodUnit = Enum<Timing.UnitsOfTime>(property.Value)) is not null
                : false;
            if (!ok)
            {
                return null;
            }
        }

        // R4 tim-2: a period needs its unit; read here only with both or neither.
        return seen.Any && (repeat.Period is null) == (repeat.PeriodUnit is null) ? repeat : null;
    }

    private static Dosage.DoseAndRateComponent? DoseAndRate(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var entry = new Dosage.DoseAndRateComponent();
        var seen = new Seen();
        foreach (var property in value.EnumerateObject())
        {
            var ok =
                property.NameEquals("doseQuantity"u8) ? seen.First(0) && (entry.Dose = Quantity(property.Value)) is not null
                : false;
            if (!ok)
            {
                return null;
            }
        }

        return seen.Any ? entry : null;
    }

    private static bool Strings(JsonElement value, List<FhirString> into) =>
        List(value, item => String(item) is { } text ? new FhirString(text) : null, into);
}
