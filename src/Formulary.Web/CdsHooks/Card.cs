using System.Text.Json;
using System.Text.Json.Serialization;

namespace Formulary.Web.CdsHooks;

/// <summary>A CDS Hooks 2.0 card (§Card Attributes). Null members are left out of the JSON.</summary>
internal sealed record Card
{
    public required string Uuid { get; init; }

    /// <summary>At most 140 characters (<see cref="CardText.Summary"/>).</summary>
    public required string Summary { get; init; }

    /// <summary>GitHub-flavoured Markdown.</summary>
    public string? Detail { get; init; }

    /// <summary><c>info</c>, <c>warning</c> or <c>critical</c>.</summary>
    public required string Indicator { get; init; }

    public required CardSource Source { get; init; }
    public IReadOnlyList<CardSuggestion>? Suggestions { get; init; }

    /// <summary><c>at-most-one</c>; required when suggestions are given.</summary>
    public string? SelectionBehavior { get; init; }

    public IReadOnlyList<CardCoding>? OverrideReasons { get; init; }
    public IReadOnlyList<CardLink>? Links { get; init; }

    /// <summary>What the card is about (<c>dose</c>, <c>dose-change</c>, <c>contraindicated</c>, ...), for the feedback record; not sent (so not <c>required</c>: System.Text.Json refuses a required member it ignores).</summary>
    [JsonIgnore]
    public string Kind { get; init; } = "unknown";

    /// <summary>The monograph the card is about (null when the order matched none); not sent.</summary>
    [JsonIgnore]
    public string? Slug { get; init; }
}

/// <summary>Where a card's knowledge comes from: the monograph section on this server.</summary>
internal sealed record CardSource(string Label, string? Url, CardCoding? Topic = null);

/// <summary>A suggestion and the actions the client takes when the user accepts it.</summary>
internal sealed record CardSuggestion(string Label, string Uuid, bool? IsRecommended, IReadOnlyList<CardAction> Actions);

/// <summary>An action: <c>update</c> carries the whole corrected resource.</summary>
internal sealed record CardAction(string Type, string Description, JsonElement? Resource);

/// <summary>A Coding as CDS Hooks uses it (override reasons, source topic).</summary>
internal sealed record CardCoding(string Code, string System, string Display);

/// <summary>A link to open: <c>absolute</c> (a page) here.</summary>
internal sealed record CardLink(string Label, string Url, string Type);

/// <summary>The response body of a service call.</summary>
internal sealed record CdsResponse(IReadOnlyList<Card> Cards);
