namespace Formulary.Storage.Feedback;

/// <summary>
/// A card as it was issued: its uuid (what feedback names), the service, what kind of card it was
/// (<c>dose</c>, <c>contraindicated</c>, <c>data</c>, ...), its indicator and the monograph it was about.
/// </summary>
public sealed record IssuedCard(Guid Uuid, string Service, string Kind, string Indicator, string? Slug, DateTimeOffset IssuedAt);
