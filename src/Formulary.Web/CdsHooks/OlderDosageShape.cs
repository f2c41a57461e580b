using System.Text.Json;
using System.Text.Json.Nodes;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// A MedicationRequest whose dosage is written in the STU3 shape — the dose or rate directly under
/// <c>dosageInstruction[i]</c> (<c>doseQuantity</c>, <c>doseRange</c>, <c>rateQuantity</c>, ...), or
/// <c>doseAndRate</c> as one object — as the R4 examples of the CDS Hooks specification itself are written.
/// Each such element is moved, unchanged, into one <c>doseAndRate</c> entry (R4's Dosage.doseAndRate holds the
/// same dose[x] and rate[x] choices), so nothing is dropped; the rewritten resource is then parsed as strictly as
/// any other, and the card says how the order was read.
/// </summary>
internal static class OlderDosageShape
{
    private static readonly string[] DoseAndRateElements = ["doseQuantity", "doseRange", "rateRatio", "rateRange", "rateQuantity"];

    /// <summary>The resource with its dosage in the R4 shape and a sentence saying what moved; null when nothing was in the older shape.</summary>
    public static (string Json, string Note)? ToR4(JsonElement resource)
    {
        if (JsonNode.Parse(resource.GetRawText()) is not JsonObject request || request["dosageInstruction"] is not JsonArray dosages)
        {
            return null;
        }

        var moved = new List<string>();
        for (var i = 0; i < dosages.Count; i++)
        {
            if (dosages[i] is not JsonObject dosage)
            {
                continue;
            }

            if (dosage["doseAndRate"] is JsonObject single)
            {
                dosage.Remove("doseAndRate");
                dosage["doseAndRate"] = new JsonArray(single);
                moved.Add(Invariant($"dosageInstruction[{i}].doseAndRate was one object, read as a list of one"));
            }

            var loose = DoseAndRateElements.Where(dosage.ContainsKey).ToList();
            if (loose.Count == 0 || dosage.ContainsKey("doseAndRate"))
            {
                continue;
            }

            var entry = new JsonObject();
            foreach (var name in loose)
            {
                var value = dosage[name];
                dosage.Remove(name);
                entry[name] = value;
            }

            dosage["doseAndRate"] = new JsonArray(entry);
            moved.Add(Invariant($"dosageInstruction[{i}].{string.Join(", ", loose)} read as dosageInstruction[{i}].doseAndRate[0]"));
        }

        return moved.Count == 0
            ? null
            : (request.ToJsonString(), "The order's dosage is written in the STU3 shape, not R4's: " + string.Join("; ", moved) + ". Nothing was dropped.");
    }
}
