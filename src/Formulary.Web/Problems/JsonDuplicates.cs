using System.Runtime.InteropServices;
using System.Text.Json;

namespace Formulary.Web.Problems;

/// <summary>
/// A property given twice in one JSON object, anywhere in a body that is read as a document (System.Text.Json
/// keeps both and reads the last): which value was meant cannot be told, so the request is refused naming it.
/// </summary>
internal static class JsonDuplicates
{
    private const int MaxNamesCompared = 64;

    /// <summary>The problem naming the first repeated property (its path, e.g. <c>feedback[0].card</c>); null when none is.</summary>
    public static RequestProblem? Find(JsonElement root)
    {
        // A scan of the raw bytes first (no string per name), and the exact walk below, which also builds the path, only
        // for a body where that scan cannot rule one out. A request body read by JsonBody comes here only when its parse
        // found a repeat (JsonBodyDocument.NamesMayRepeat).
        if (!MayRepeat(JsonMarshal.GetRawUtf8Value(root)))
        {
            return null;
        }

        var trail = new List<string>();
        if (!Repeats(root, trail))
        {
            return null;
        }

        trail.Reverse();
        var duplicate = string.Concat(trail).TrimStart('.');
        return new(RequestProblemKind.DuplicateProperty, duplicate, $"'{duplicate}' is given more than once; give each property once (which value was meant cannot be told).");
    }

    /// <summary>True when a property is given twice in one object at any depth; <paramref name="trail"/> then holds its path, innermost first.</summary>
    private static bool Repeats(JsonElement element, List<string> trail)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                HashSet<string>? seen = null;
                foreach (var property in element.EnumerateObject())
                {
                    seen ??= new HashSet<string>(StringComparer.Ordinal);
                    if (!seen.Add(property.Name) || Repeats(property.Value, trail))
                    {
                        trail.Add("." + property.Name);
                        return true;
                    }
                }

                return false;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Repeats(item, trail))
                    {
                        trail.Add(Invariant($"[{index}]"));
                        return true;
                    }

                    index++;
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// False when no object of <paramref name="json"/> names a property twice, compared as raw UTF-8; true when one
    /// does, or when a name is escaped or an object has more than <see cref="MaxNamesCompared"/> names (then the exact walk decides).
    /// </summary>
    private static bool MayRepeat(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var names = new List<List<(int Start, int Length)>>();
        var depth = -1;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    depth++;
                    if (names.Count <= depth)
                    {
                        names.Add([]);
                    }
                    else
                    {
                        names[depth].Clear();
                    }

                    break;
                case JsonTokenType.EndObject:
                    depth--;
                    break;
                case JsonTokenType.PropertyName:
                    var seen = names[depth];
                    if (reader.ValueIsEscaped || seen.Count >= MaxNamesCompared)
                    {
                        return true;
                    }

                    var (start, length) = (checked((int)reader.TokenStartIndex) + 1, reader.ValueSpan.Length);
                    var name = json.Slice(start, length);
                    foreach (var (otherStart, otherLength) in seen)
                    {
                        if (otherLength == length && json.Slice(otherStart, otherLength).SequenceEqual(name))
                        {
                            return true;
                        }
                    }

                    seen.Add((start, length));
                    break;
            }
        }

        return false;
    }
}
