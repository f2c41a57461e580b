using System.Text.Json;

namespace Formulary.Web.Problems;

/// <summary>
/// The names met so far in one JSON object read by a <see cref="Utf8JsonReader"/> over a body's bytes, for a reader that
/// reads a body in one pass instead of through a document (whose parse refuses a name repeated in one object). Names are
/// compared as their raw bytes, so an escaped name (<c>"\u0061"</c>) is not compared at all: <see cref="Add"/> answers false
/// for it, as for a repeat, and for an object of more than <see cref="MaxNames"/> names (the comparison is linear). False
/// means "cannot tell here": the caller declines and the body is read through the document, which refuses or accepts it.
/// </summary>
internal sealed class JsonNameSet
{
    public const int MaxNames = 64;

    [ThreadStatic]
    private static List<(int Start, int Length)>? scratch;

    private readonly List<(int Start, int Length)> names = [];

    /// <summary>Adds the property name the reader is on; false when it repeats an earlier one, is escaped or is one too many.</summary>
    public bool Add(ref Utf8JsonReader reader, ReadOnlySpan<byte> json) => Add(names, 0, ref reader, json);

    /// <summary>
    /// Moves the reader past the value it is on (to its last token), true when no object in it repeats a name (nor has an
    /// escaped name or more than <see cref="MaxNames"/>); the reader throws, as it would anywhere, on malformed JSON.
    /// </summary>
    public static bool Skip(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return true;
        }

        var all = scratch ??= [];
        all.Clear();
        // Where each open container's names begin in `all`; -1 for an array. The reader refuses more than 64 levels.
        Span<int> begins = stackalloc int[66];
        var open = 0;
        var depth = reader.CurrentDepth;
        begins[open++] = reader.TokenType == JsonTokenType.StartObject ? 0 : -1;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    begins[open++] = all.Count;
                    break;
                case JsonTokenType.StartArray:
                    begins[open++] = -1;
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    var begin = begins[--open];
                    if (begin >= 0)
                    {
                        all.RemoveRange(begin, all.Count - begin);
                    }

                    if (reader.CurrentDepth == depth)
                    {
                        return true;
                    }

                    break;
                case JsonTokenType.PropertyName when !Add(all, begins[open - 1], ref reader, json):
                    return false;
            }
        }

        return false;
    }

    private static bool Add(List<(int Start, int Length)> names, int begin, ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        if (reader.ValueIsEscaped || names.Count - begin >= MaxNames)
        {
            return false;
        }

        var name = reader.ValueSpan;
        for (var i = begin; i < names.Count; i++)
        {
            if (json.Slice(names[i].Start, names[i].Length).SequenceEqual(name))
            {
                return false;
            }
        }

        // The name's bytes start after the opening quote of its token.
        names.Add((checked((int)reader.TokenStartIndex) + 1, name.Length));
        return true;
    }
}
