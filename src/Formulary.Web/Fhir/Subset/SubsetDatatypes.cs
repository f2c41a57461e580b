using System.Text.Json;
using Hl7.Fhir.Model;
using static Formulary.Web.Fhir.Subset.SubsetPrimitives;

namespace Formulary.Web.Fhir.Subset;

/// <summary>
/// The R4 datatypes of the subset (<see cref="SubsetReader"/>), each with the few elements EHRs send for a dose
/// check. Any other element, a repeated one, a null, an empty array or a value not certainly valid makes the
/// reader decline (null), never guess. Each reads the value the reader is on and leaves it on the value's last token.
/// </summary>
internal static class SubsetDatatypes
{
    public static Coding? Coding(ref Utf8JsonReader value)
    {
        if (value.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var coding = new Coding();
        var seen = new Seen();
        while (value.Read() && value.TokenType == JsonTokenType.PropertyName)
        {
            var ok =
                value.ValueTextEquals("system"u8) ? seen.First(0) && value.Read() && (coding.System = Uri(ref value)) is not null
                : value.ValueTextEquals("code"u8) ? seen.First(1) && value.Read() && (coding.Code = Code(ref value)) is not null
                : value.ValueTextEquals("display"u8) ? seen.First(2) && value.Read() && (coding.Display = String(ref value)) is not null
                : false;
            if (!ok)
            {
                return null;
            }
        }

        return seen.Any ? coding : null;
    }

    public static CodeableConcept? CodeableConcept(ref Utf8JsonReader value)
    {
        if (value.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var concept = new CodeableConcept();
        var seen = new Seen();
        while (value.Read() && value.TokenType == JsonTokenType.PropertyName)
        {
            var ok =
                value.ValueTextEquals("coding"u8) ? seen.First(0) && value.Read() && List(ref value, Coding, concept.Coding)
                : value.ValueTextEquals("text"u8) ? seen.First(1) && value.Read() && (concept.Text = String(ref value)) is not null
                : false;
            if (!ok)
            {
                return null;
            }
        }

        return seen.Any ? concept : null;
    }

    public static Quantity? Quantity(ref Utf8JsonReader value) => QuantityOf<Quantity>(ref value);

    /// <summary>A Quantity or one of its profiles that adds no element of its own (a Duration), read alike.</summary>
    private static T? QuantityOf<T>(ref Utf8JsonReader value)
        where T : Quantity, new()
    {
        if (value.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var quantity = new T();
        var seen = new Seen();
        while (value.Read() && value.TokenType == JsonTokenType.PropertyName)
        {
            var ok =
                value.ValueTextEquals("value"u8) ? seen.First(0) && value.Read() && (quantity.Value = Decimal(ref value)) is not null
                : value.ValueTextEquals("comparator"u8) ? seen.First(1) && value.Read() && (quantity.Comparator = Enum<Quantity.QuantityComparator>(ref value)) is not null
                : value.ValueTextEquals("unit"u8) ? seen.First(2) && value.Read() && (quantity.Unit = String(ref value)) is not null
                : value.ValueTextEquals("system"u8) ? seen.First(3) && value.Read() && (quantity.System = Uri(ref value)) is not null
                : value.ValueTextEquals("code"u8) ? seen.First(4) && value.Read() && (quantity.Code = Code(ref value)) is not null
                : false;
            if (!ok)
            {
                return null;
            }
        }

        return seen.Any ? quantity : null;
    }

    public static ResourceReference? Reference(ref Utf8JsonReader value)
    {
        if (value.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var reference = new ResourceReference();
        var seen = new Seen();
        while (value.Read() && value.TokenType == JsonTokenType.PropertyName)
        {
            var ok =
                value.ValueTextEquals("reference"u8) ? seen.First(0) && value.Read() && (reference.Reference = String(ref value)) is not null
                : value.ValueTextEquals("display"u8) ? seen.First(1) && value.Read() && (reference.Display = String(ref value)) is not null
                : false;
            if (!ok)
            {
                return null;
            }
        }

        return seen.Any ? reference : null;
    }

    /// <summary>A Dosage with its text, route, a timing by <c>repeat</c> (frequency, period, periodUnit) and doses by <c>doseQuantity</c>.</summary>
    public static Dosage? Dosage(ref Utf8JsonReader value)
    {
        if (value.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var dosage = new Dosage();
        var seen = new Seen();
        while (value.Read() && value.TokenType == JsonTokenType.PropertyName)
        {
            var ok =
                value.ValueTextEquals("text"u8) ? seen.First(0) && value.Read() && (dosage.Text = String(ref value)) is not null
                : value.ValueTextEquals("timing"u8) ? seen.First(1) && value.Read() && (dosage.Timing = Timing(ref value)) is not null
                : value.ValueTextEquals("route"u8) ? seen.First(2) && value.Read() && (dosage.Route = CodeableConcept(ref value)) is not null
                : value.ValueTextEquals("doseAndRate"u8) ? seen.First(3) && value.Read() && List(ref value, DoseAndRate, dosage.DoseAndRate)
                : false;
            if (!ok)
            {
                return null;
            }
        }

        return seen.Any ? dosage : null;
    }

    public static HumanName? HumanName(ref Utf8JsonReader value)
    {
        if (value.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var name = new HumanName();
        var seen = new Seen();
        while (value.Read() && value.TokenType == JsonTokenType.PropertyName)
        {
            var ok =
                value.ValueTextEquals("text"u8) ? seen.First(0) && value.Read() && (name.Text = String(ref value)) is not null
                : value.ValueTextEquals("family"u8) ? seen.First(1) && value.Read() && (name.Family = String(ref value)) is not null
                : value.ValueTextEquals("given"u8) ? seen.First(2) && value.Read() && Strings(ref value, name.GivenElement)
                : false;
            if (!ok)
            {
                return null;
            }
        }

        return seen.Any ? name : null;
    }

    /// <summary>Reads one value: the reader is on its first token and is left on its last.</summary>
    public delegate T? Reader<T>(ref Utf8JsonReader value);

    /// <summary>A non-empty JSON array, each item read by <paramref name="read"/> into <paramref name="into"/>; false when any item declines.</summary>
    public static bool List<T>(ref Utf8JsonReader value, Reader<T> read, List<T> into)
        where T : class
    {
        if (value.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var any = false;
        while (value.Read() && value.TokenType != JsonTokenType.EndArray)
        {
            if (read(ref value) is not { } element)
            {
                return false;
            }

            into.Add(element);
            any = true;
        }

        return any;
    }

    private static Timing? Timing(ref Utf8JsonReader value)
    {
        if (value.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var timing = new Timing();
        var seen = new Seen();
        while (value.Read() && value.TokenType == JsonTokenType.PropertyName)
        {
            var ok =
                value.ValueTextEquals("repeat"u8) ? seen.First(0) && value.Read() && (timing.Repeat = Repeat(ref value)) is not null
                : false;
            if (!ok)
            {
                return null;
            }
        }

        return seen.Any ? timing : null;
    }

    private static Timing.RepeatComponent? Repeat(ref Utf8JsonReader value)
    {
        if (value.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var repeat = new Timing.RepeatComponent();
        var seen = new Seen();
        while (value.Read() && value.TokenType == JsonTokenType.PropertyName)
        {
            var ok =
                value.ValueTextEquals("frequency"u8) ? seen.First(0) && value.Read() && (repeat.Frequency = PositiveInt(ref value)) is not null
                : value.ValueTextEquals("period"u8) ? seen.First(1) && value.Read() && (repeat.Period = Decimal(ref value)) is not null
                : value.ValueTextEquals("periodUnit"u8) ? seen.First(2) && value.Read() && (repeat.PeriodUnit = Enum<Timing.UnitsOfTime>(ref value)) is not null
                : value.ValueTextEquals("count"u8) ? seen.First(3) && value.Read() && (repeat.Count = PositiveInt(ref value)) is not null
                : value.ValueTextEquals("countMax"u8) ? seen.First(4) && value.Read() && (repeat.CountMax = PositiveInt(ref value)) is not null
                : value.ValueTextEquals("boundsDuration"u8) ? seen.First(5) && value.Read() && (repeat.Bounds = QuantityOf<Duration>(ref value)) is not null
                : false;
            if (!ok)
            {
                return null;
            }
        }

        // R4 tim-2: a period needs its unit; tim-8: a countMax needs a count; read here only when both hold.
        return seen.Any && (repeat.Period is null) == (repeat.PeriodUnit is null) && (repeat.CountMax is null || repeat.Count is not null) ? repeat : null;
    }

    private static Dosage.DoseAndRateComponent? DoseAndRate(ref Utf8JsonReader value)
    {
        if (value.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var entry = new Dosage.DoseAndRateComponent();
        var seen = new Seen();
        while (value.Read() && value.TokenType == JsonTokenType.PropertyName)
        {
            var ok =
                value.ValueTextEquals("doseQuantity"u8) ? seen.First(0) && value.Read() && (entry.Dose = Quantity(ref value)) is not null
                : false;
            if (!ok)
            {
                return null;
            }
        }

        return seen.Any ? entry : null;
    }

    private static bool Strings(ref Utf8JsonReader value, List<FhirString> into) =>
        List(ref value, static (ref Utf8JsonReader item) => String(ref item) is { } text ? new FhirString(text) : null, into);
}
