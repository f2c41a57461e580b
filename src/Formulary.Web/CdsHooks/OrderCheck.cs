namespace Formulary.Web.CdsHooks;

/// <summary>
/// An order checked against every dose computed for the patient (each regimen that applies, or the schema-1 dose): it
/// <see cref="OrderState.Agrees"/> when it agrees wholly with one of them (<see cref="Agreeing"/>), <see cref="OrderState.Differs"/>
/// when it differs from each, and is otherwise <see cref="OrderState.NotCompared"/> — the order cannot be read
/// (<see cref="Whole"/>) or a part of it could not be compared. Silence never reads as agreement: only a whole agreement agrees.
/// </summary>
internal sealed record OrderCheck(OrderState State, OrderedAmount Ordered, IReadOnlyList<OrderComparison> Comparisons, OrderComparison? Agreeing, NotCompared? Whole)
{
    public static OrderCheck Of(OrderedAmount ordered, IReadOnlyList<DoseTarget> targets)
    {
        if (ordered.NotCompared is { } whole)
        {
            return new(OrderState.NotCompared, ordered, [], null, whole);
        }

        if (targets.Count == 0)
        {
            return new(OrderState.NotCompared, ordered, [], null, new("no dose computed", "No dose is computed for this patient, so the order is not compared."));
        }

        var comparisons = targets.Select(t => OrderComparison.Of(ordered, t)).ToList();
        var agreeing = comparisons.FirstOrDefault(c => c.Agrees);
        var state = agreeing is not null ? OrderState.Agrees : comparisons.All(c => c.Differences.Count > 0) ? OrderState.Differs : OrderState.NotCompared;
        return new(state, ordered, comparisons, agreeing, null);
    }

    /// <summary>The summary's words: what differs (from the one target), or what was not compared.</summary>
    public string What => Whole?.What ?? (State == OrderState.Differs
        ? Comparisons[0].What
        : string.Join(", ", Comparisons.Where(c => c.Differences.Count == 0).SelectMany(c => c.Unread).Select(u => u.What).Distinct()));

    public bool CourseDiffers => State == OrderState.Differs && Comparisons.Any(c => c.Differences.Any(d => d.What == "course"));

    /// <summary>The one corrected dose (and interval) for an order that differs from the one dose computed; null and why otherwise.</summary>
    public (decimal Mg, decimal? EveryHours)? Correction(out string? why)
    {
        why = null;
        if (State != OrderState.Differs)
        {
            return null;
        }

        if (Comparisons.Count > 1)
        {
            why = Invariant($"{Comparisons.Count} regimens apply to this patient, and which one is meant is the prescriber's choice");
            return null;
        }

        return Comparisons[0].Correction(Ordered, out why);
    }
}
