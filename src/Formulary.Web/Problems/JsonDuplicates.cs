using System.Text.Json;

namespace Formulary.Web.Problems;

/// <summary>
/// A property given twice in one JSON object, anywhere in a body that is read as a document (System.Text.Json
/// keeps both and reads the last): which value was meant cannot be told, so the request is refused naming it.
/// </summary>
internal static class JsonDuplicates
{
    /// <summary>The problem naming the first repeated property (its path, e.g. <c>feedback[0].card</c>); null when none is.</summary>
    public static RequestProblem? Find(JsonElement root) =>
        FirstDuplicate(root, string.Empty) is { } duplicate
            ? new(RequestProblemKind.DuplicateProperty, duplicate, $"'{duplicate}' is given more than once; give each property once (which value was meant cannot be told).")
            : null;

    /// <summary>The path of the first property given twice in one object, at any depth; null when none is.</summary>
    private static string? FirstDuplicate(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var at = path.Length == 0 ? property.Name : path + "." + property.Name;
                    if (!seen.Add(property.Name))
                    {
                        return at;
                    }

                    if (FirstDuplicate(property.Value, at) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstDuplicate(item, Invariant($"{path}[{index++}]")) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
