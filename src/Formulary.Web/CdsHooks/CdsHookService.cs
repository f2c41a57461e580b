using Formulary.Clinical.Dosing;
using Formulary.Web.Problems;
using Formulary.Web.Dosing;
using Hl7.Fhir.Model;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// Answers one call: each MedicationRequest is matched to a monograph; when any order has usable dose rules,
/// the patient's data is gathered (prefetch, else the client's FHIR server; 412 when it cannot be had), read
/// into the engine's typed input and dosed by <see cref="DoseService"/> with the rules stored for the current
/// generation. Each order is screened for interactions against the other drugs of the call (<see cref="OtherDrugs"/>).
/// One card per order; an order of a drug that another order of the call also names says so on its card
/// (<see cref="CardBuilder.WithRepeatedDrug"/>). No clinical logic here.
/// </summary>
internal sealed class CdsHookService(MedicationMatcher matcher, PatientDataSource data, DoseService dosing, TimeProvider time)
{
    public sealed record Outcome(CdsResponse? Response, IReadOnlyList<string> Missing, RequestProblem? Problem);

    public async Task<Outcome> AnswerAsync(CdsRequest request, string baseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cards = new CardBuilder(request.HookInstance, baseUrl);
        var checks = new List<(int Index, MedicationRequest Order, MedicationMatch Match)>();
        var answered = new SortedDictionary<int, Card>();
        var matched = new List<(int Index, MedicationMatch Match)>();
        for (var index = 0; index < request.Orders.Count; index++)
        {
            var match = await matcher.MatchAsync(request.Orders[index], cancellationToken).ConfigureAwait(false);
            if (match.Slug is null)
            {
                answered[index] = cards.NotMatched(match, index);
                continue;
            }

            matched.Add((index, match));

            var rules = await dosing.RulesAsync(match.Slug).ConfigureAwait(false);
            if (rules.Profile is null)
            {
                answered[index] = cards.NoRules(match, rules, index);
                continue;
            }

            checks.Add((index, request.Orders[index].Order, match));
        }

        if (checks.Count > 0)
        {
            var gathered = await data.GatherAsync(request, cancellationToken).ConfigureAwait(false);
            if (gathered.Record is null)
            {
                return new(null, gathered.Missing, gathered.Problem);
            }

            var (record, problems, pregnancy) = PatientInputBuilder.Build(gathered.Record, time.GetUtcNow());
            foreach (var (index, order, match) in checks)
            {
                var input = record with { Medications = OtherDrugs(matched, index, match.Slug!) };
                if (problems.Count > 0)
                {
                    var (screening, _) = await dosing.CheckAsync(match.Slug, input).ConfigureAwait(false);
                    answered[index] = cards.DataProblems(match, problems, screening, pregnancy, index);
                    continue;
                }

                var (answer, _) = await dosing.DoseAsync(match.Slug, input).ConfigureAwait(false);
                answered[index] = cards.Answer(order, match, answer!, input, pregnancy, index);
            }
        }

        foreach (var repeated in matched.Count < 2 ? [] : matched.GroupBy(m => m.Match.Slug, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var orders = repeated.Select(m => request.Orders[m.Index].Order.Id is { Length: > 0 } id ? $"'{id}'" : Invariant($"draft order {m.Index + 1}")).ToList();
            foreach (var (index, match) in repeated)
            {
                answered[index] = CardBuilder.WithRepeatedDrug(answered[index], match.Title!, orders);
            }
        }

        return new(new CdsResponse([.. answered.Select(a => CardBuilder.WithReadNote(a.Value, request.Orders[a.Key].ReadNote))]), [], null);
    }

    /// <summary>
    /// The drugs the call's other orders were matched to (their monographs' titles, in the order of the draft orders, each
    /// once), screened by the engine as concurrent medication. The same drug ordered twice is not its own interaction (the
    /// card says it is ordered twice); an order no monograph matched has its own "not checked" card.
    /// </summary>
    private static IReadOnlyList<string> OtherDrugs(List<(int Index, MedicationMatch Match)> matched, int index, string slug) =>
        [.. matched.Where(m => m.Index != index && !string.Equals(m.Match.Slug, slug, StringComparison.Ordinal))
            .Select(m => m.Match.Title ?? m.Match.Slug!)
            .Distinct(StringComparer.OrdinalIgnoreCase)];
}
