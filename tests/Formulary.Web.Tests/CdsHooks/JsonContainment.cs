using System.Text.Json;

namespace Formulary.Web.Tests.CdsHooks;

/// <summary>
/// Semantic comparison of an expected JSON document with an actual one, as the conformance vectors define it
/// (docs/cds-hooks/vectors/README.md): every property of an expected object must be in the actual object with
/// a matching value (other actual properties are ignored); arrays match element by element and have the same
/// length; numbers compare as decimals; a property written <c>"name~"</c> holds substrings that the actual
/// string <c>name</c> must all contain. Returns the first difference as a path and a reason, or null.
/// </summary>
internal static class JsonContainment
{
    public static string? FirstDifference(JsonElement expected, JsonElement actual, string path = "$")
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                if (actual.ValueKind != JsonValueKind.Object)
                {
                    return $"{path}: expected an object, got {actual.ValueKind}";
                }

                foreach (var property in expected.EnumerateObject())
                {
                    if (property.Name.EndsWith('~'))
                    {
                        var name = property.Name[..^1];
                        if (!actual.TryGetProperty(name, out var text) || text.ValueKind != JsonValueKind.String)
                        {
                            return $"{path}.{name}: expected a string";
                        }

                        foreach (var part in property.Value.EnumerateArray())
                        {
                            if (!text.GetString()!.Contains(part.GetString()!, StringComparison.Ordinal))
                            {
                                return $"{path}.{name}: does not contain \"{part.GetString()}\"; it is \"{text.GetString()}\"";
                            }
                        }

                        continue;
                    }

                    if (!actual.TryGetProperty(property.Name, out var value))
                    {
                        return $"{path}.{property.Name}: missing";
                    }

                    if (FirstDifference(property.Value, value, $"{path}.{property.Name}") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                if (actual.ValueKind != JsonValueKind.Array || actual.GetArrayLength() != expected.GetArrayLength())
                {
                    return $"{path}: expected an array of {expected.GetArrayLength()}, got {(actual.ValueKind == JsonValueKind.Array ? actual.GetArrayLength().ToString(System.Globalization.CultureInfo.InvariantCulture) : actual.ValueKind.ToString())}";
                }

                var index = 0;
                foreach (var (e, a) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
                {
                    if (FirstDifference(e, a, $"{path}[{index++}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Number:
                return actual.ValueKind == JsonValueKind.Number && actual.GetDecimal() == expected.GetDecimal() ? null : $"{path}: expected {expected}, got {actual}";
            default:
                return actual.ValueKind == expected.ValueKind && actual.ToString() == expected.ToString() ? null : $"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}";
        }
    }
}
