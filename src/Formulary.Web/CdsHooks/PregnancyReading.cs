using Formulary.Clinical.Patients;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// What the record's pregnancy status gave the pregnancy screen: <see cref="Answer"/> (yes, no, or not asked), and
/// <see cref="Note"/>, what was read or why it was not used (null when the record holds no pregnancy status).
/// <see cref="NotUsed"/> when the record holds one that could not be used (the card is then at least a warning, never a
/// quiet "not asked"); <see cref="MaySayPregnant"/> when that unused answer says pregnant, or looks as if it does, and was
/// refused for its status, coding or date rather than for its age: it may well be true.
/// </summary>
internal sealed record PregnancyReading(ScreenAnswer Answer, string? Note, bool NotUsed = false, bool MaySayPregnant = false)
{
    public static PregnancyReading None { get; } = new(ScreenAnswer.NotAsked, null);
}
