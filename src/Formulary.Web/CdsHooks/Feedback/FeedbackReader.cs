using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Formulary.Storage.Feedback;
using Formulary.Web.Problems;

namespace Formulary.Web.CdsHooks.Feedback;

/// <summary>
/// Reads a CDS Hooks 2.0 feedback body (§Feedback): <c>{"feedback": [ ... ]}</c>, each entry with the
/// <c>card</c> uuid, the <c>outcome</c> (<c>accepted</c> or <c>overridden</c>), <c>acceptedSuggestions</c>
/// (with accepted, and required with it), <c>overrideReason</c> (only with overridden: a <c>reason</c> Coding and/or a
/// <c>userComment</c>) and <c>outcomeTimestamp</c> (a FHIR instant: date, time and zone). Refused, naming the
/// property: any property given twice, a property the specification does not define (besides
/// <c>extension</c>), a missing or malformed required field, more than <see cref="MaxEntries"/> entries.
/// </summary>
internal static partial class FeedbackReader
{
    public const int MaxEntries = 1_000;
    public const int MaxCommentChars = 4_000;

    private static readonly HashSet<string> EntryFields = new(StringComparer.Ordinal)
    {
        "card", "outcome", "acceptedSuggestions", "overrideReason", "outcomeTimestamp", "extension",
    };

    /// <summary>The feedback in <paramref name="root"/>, a body <see cref="JsonBody.ReadAsync"/> read (no property repeated in it).</summary>
    public static (IReadOnlyList<CardFeedback>? Feedback, RequestProblem? Problem) Read(JsonElement root, string service, DateTimeOffset receivedAt)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Fail(null, $"The body must be a JSON object with a 'feedback' array, not {root.ValueKind.ToString().ToLowerInvariant()}.");
        }

        if (Unknown(root, "", ["feedback", "extension"]) is { } unknown)
        {
            return (null, unknown);
        }

        if (!root.TryGetProperty("feedback", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            return Fail("feedback", "'feedback' must be an array of one or more feedback entries.");
        }

        if (list.GetArrayLength() > MaxEntries)
        {
            return Fail("feedback", Invariant($"'feedback' has {list.GetArrayLength()} entries; send at most {MaxEntries} per request."));
        }

        var entries = new List<CardFeedback>(list.GetArrayLength());
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var (entry, problem) = ReadEntry(item, Invariant($"feedback[{index++}]"), service, receivedAt);
            if (problem is not null)
            {
                return (null, problem);
            }

            entries.Add(entry!);
        }

        return (entries, null);
    }

    private static (CardFeedback? Entry, RequestProblem? Problem) ReadEntry(JsonElement item, string at, string service, DateTimeOffset receivedAt)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return Fail<CardFeedback>(at, $"'{at}' must be an object.");
        }

        if (Unknown(item, at + ".", EntryFields) is { } unknown)
        {
            return (null, unknown);
        }

        if (!Uuid(item, "card", out var card))
        {
            return Fail<CardFeedback>(at + ".card", $"'{at}.card' must be the uuid of a card this service returned.");
        }

        var outcome = CdsRequestReader.Text(item, "outcome") switch
        {
            "accepted" => FeedbackOutcome.Accepted,
            "overridden" => FeedbackOutcome.Overridden,
            _ => (FeedbackOutcome?)null,
        };
        if (outcome is null)
        {
            return Fail<CardFeedback>(at + ".outcome", $"'{at}.outcome' must be \"accepted\" or \"overridden\".");
        }

        if (CdsRequestReader.Text(item, "outcomeTimestamp") is not { } stamp || !Instant(stamp, out var outcomeAt))
        {
            return Fail<CardFeedback>(at + ".outcomeTimestamp", $"'{at}.outcomeTimestamp' must be an instant with date, time and zone (e.g. 2026-11-30T08:15:00Z).");
        }

        var (accepted, acceptedProblem) = ReadAccepted(item, at, outcome.Value);
        if (acceptedProblem is not null)
        {
            return (null, acceptedProblem);
        }

        var (reason, comment, reasonProblem) = ReadOverride(item, at, outcome.Value);
        return reasonProblem is not null
            ? (null, reasonProblem)
            : (new CardFeedback(card, service, outcome.Value, accepted!, reason, comment, outcomeAt, receivedAt), null);
    }

    private static (IReadOnlyList<Guid>? Accepted, RequestProblem? Problem) ReadAccepted(JsonElement item, string at, FeedbackOutcome outcome)
    {
        var name = at + ".acceptedSuggestions";
        if (!item.TryGetProperty("acceptedSuggestions", out var list))
        {
            // "Required for accepted outcomes" (CDS Hooks 2.0 §Feedback): an acceptance that names no suggestion cannot be counted as one.
            return outcome == FeedbackOutcome.Accepted
                ? Fail<IReadOnlyList<Guid>>(name, $"'{name}' is missing; with outcome \"accepted\" it names the suggestions accepted, each as {{\"id\": uuid}}.")
                : ([], null);
        }

        if (outcome != FeedbackOutcome.Accepted)
        {
            return Fail<IReadOnlyList<Guid>>(name, $"'{name}' is given with outcome \"overridden\"; accepted suggestions go with \"accepted\" only.");
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            return Fail<IReadOnlyList<Guid>>(name, $"'{name}' must be an array of objects with an 'id'.");
        }

        var ids = new List<Guid>();
        var index = 0;
        foreach (var suggestion in list.EnumerateArray())
        {
            var here = Invariant($"{name}[{index++}]");
            if (suggestion.ValueKind != JsonValueKind.Object)
            {
                return Fail<IReadOnlyList<Guid>>(here, $"'{here}' must be an object with an 'id'.");
            }

            if (Unknown(suggestion, here + ".", ["id", "extension"]) is { } unknown)
            {
                return (null, unknown);
            }

            if (!Uuid(suggestion, "id", out var id))
            {
                return Fail<IReadOnlyList<Guid>>(here + ".id", $"'{here}.id' must be the uuid of a suggestion of the card.");
            }

            ids.Add(id);
        }

        return ids.Count == 0
            ? Fail<IReadOnlyList<Guid>>(name, $"'{name}' is empty; with outcome \"accepted\" it names one or more suggestions accepted.")
            : (ids, null);
    }

    private static (OverrideReasonCode? Reason, string? Comment, RequestProblem? Problem) ReadOverride(JsonElement item, string at, FeedbackOutcome outcome)
    {
        var name = at + ".overrideReason";
        if (!item.TryGetProperty("overrideReason", out var value))
        {
            return (null, null, null);
        }

        if (outcome != FeedbackOutcome.Overridden)
        {
            return (null, null, Problem(name, $"'{name}' is given with outcome \"accepted\"; an override reason goes with \"overridden\" only."));
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return (null, null, Problem(name, $"'{name}' must be an object with 'reason' (a Coding) and/or 'userComment'."));
        }

        if (Unknown(value, name + ".", ["reason", "userComment", "extension"]) is { } unknown)
        {
            return (null, null, unknown);
        }

        string? comment = null;
        if (value.TryGetProperty("userComment", out var text))
        {
            if (text.ValueKind != JsonValueKind.String || text.GetString()!.Length > MaxCommentChars)
            {
                return (null, null, Problem(name + ".userComment", Invariant($"'{name}.userComment' must be text of at most {MaxCommentChars} characters.")));
            }

            comment = text.GetString();
        }

        if (!value.TryGetProperty("reason", out var coding))
        {
            return (null, comment, null);
        }

        var codingName = name + ".reason";
        if (coding.ValueKind != JsonValueKind.Object)
        {
            return (null, null, Problem(codingName, $"'{codingName}' must be a Coding (code, system, display)."));
        }

        if (Unknown(coding, codingName + ".", ["code", "system", "display", "version", "userSelected", "extension", "id"]) is { } codingUnknown)
        {
            return (null, null, codingUnknown);
        }

        return CdsRequestReader.Text(coding, "code") is { Length: > 0 } code
            ? (new OverrideReasonCode(CdsRequestReader.Text(coding, "system"), code, CdsRequestReader.Text(coding, "display")), comment, null)
            : (null, null, Problem(codingName + ".code", $"'{codingName}.code' is missing: give the code of the reason the user picked."));
    }

    private static RequestProblem? Unknown(JsonElement element, string prefix, IReadOnlyCollection<string> known)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                return new(RequestProblemKind.UnknownProperty, prefix + property.Name,
                    $"'{prefix}{property.Name}' is not a field of CDS Hooks feedback here. Known fields: {string.Join(", ", known)}.");
            }
        }

        return null;
    }

    private static bool Uuid(JsonElement parent, string name, out Guid uuid)
    {
        uuid = default;
        var text = CdsRequestReader.Text(parent, name);
        if (text is not null && text.StartsWith("urn:uuid:", StringComparison.Ordinal))
        {
            text = text["urn:uuid:".Length..];
        }

        return text is not null && Guid.TryParseExact(text, "D", out uuid);
    }

    /// <summary>A FHIR instant: <c>YYYY-MM-DDThh:mm:ss[.fff]</c> and <c>Z</c> or an offset; nothing less precise, no zone-less time.</summary>
    private static bool Instant(string text, out DateTimeOffset instant)
    {
        instant = default;
        return InstantPattern().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex InstantPattern();

    private static RequestProblem Problem(string? property, string detail) => new(RequestProblemKind.Malformed, property, detail);

    private static (IReadOnlyList<CardFeedback>? Feedback, RequestProblem? Problem) Fail(string? property, string detail) => (null, Problem(property, detail));

    private static (T? Value, RequestProblem? Problem) Fail<T>(string? property, string detail)
        where T : class => (null, Problem(property, detail));
}
