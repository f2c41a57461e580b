using Formulary.Storage.Feedback;

namespace Formulary.Web.CdsHooks.Feedback;

/// <summary>What each kind of card (<see cref="Card.Kind"/>) says, in the words of the feedback summary.</summary>
internal static class CardKinds
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["dose"] = "Dose computed; the order agrees or has no dose to compare",
        ["dose-change"] = "Ordered dose differs from the computed dose (suggests a change)",
        ["contraindicated"] = "Contraindicated for this patient",
        ["data"] = "Patient data in the record cannot be used",
        ["refused"] = "Patient data refused by the dose engine",
        ["withheld"] = "No dose computed (withheld by a rule)",
        ["no-rules"] = "No usable dose rules for the drug",
        ["not-matched"] = "Medication not matched to a monograph",
        ["conflict"] = "Order's medication names different drugs (not checked)",
        [FeedbackSummary.UnknownKind] = "A card this store has no record of",
    };

    public static string Label(string kind) => Labels.TryGetValue(kind, out var label) ? label : kind;
}
