using System.Text.Json;

namespace Formulary.Web.Problems;

/// <summary>
/// A property given twice in one JSON object, anywhere in a body that is read as a document (System.Text.Json
/// keeps both and reads the last): which value was meant cannot be told, so the request is refused naming it.
/// </summary>
internal static class JsonDuplicates
{
    /// <summary>The problem naming the first repeated property (its path, e.g. <c>feedback[0].card</c>); null when none is.</summary>
    public static RequestProblem? Find(JsonElement root)
    {
        // Called by JsonBody only for a body its strict parse refused and its lenient parse read, so one name is repeated:
        // the walk finds it and builds its path.
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
}
