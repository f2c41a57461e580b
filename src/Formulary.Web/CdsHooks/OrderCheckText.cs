using System.Text;
using Formulary.Clinical.Regimens;

namespace Formulary.Web.CdsHooks;

/// <summary>What a dose card's detail says about the order: the regimens computed, and how the order compares with them.</summary>
internal static class OrderCheckText
{
    /// <summary>The order against a schema-1 dose per day (<paramref name="dose"/> mg).</summary>
    public static void AppendDaily(StringBuilder detail, OrderCheck check, OrderedAmount ordered, decimal dose)
    {
        if (check.Whole is { } whole)
        {
            CardText.AppendEscaped(detail, whole.Why).Append("\n\n");
            return;
        }

        var comparison = check.Comparisons[0];
        if (ordered.PerDayMg is { } day && comparison.Differences.Any(d => d.What == "per day"))
        {
            var shown = CardText.Escape(ordered.Daily!);
            detail.Append(
                day.Min == day.Max ? Invariant($"The order gives **{shown}**, {Math.Round((day.Min - dose) / dose * 100m, 1, MidpointRounding.AwayFromZero):+0.0;-0.0}% from the computed {dose} mg per day.\n\n")
                : dose < day.Min || dose > day.Max ? Invariant($"The order gives **{shown}**: the computed {dose} mg per day is outside it.\n\n")
                : Invariant($"The order gives **{shown}**, a range that also allows other amounts than the computed {dose} mg per day: a range agrees only when the whole of it is the computed dose.\n\n"));
        }
        else if ((!ordered.OncePerDay || ordered.PerArea || comparison.Unread.Count > 0 || check.CourseDiffers) && ordered.PerDayMg is not null)
        {
            detail.Append(Invariant($"The order gives {CardText.Escape(ordered.Daily!)}, the computed daily dose.\n\n"));
        }

        AppendParts(detail, comparison, except: "per day");
    }

    /// <summary>The regimens computed for the patient, one line each.</summary>
    public static void AppendRegimens(StringBuilder detail, IReadOnlyList<RegimenDose> regimens)
    {
        foreach (var regimen in regimens)
        {
            detail.Append(Invariant($"- **{CardText.Escape(regimen.Label)}** ({CardText.Escape(regimen.Population)}): "));
            detail.Append(regimen.PerDoseMg is { } perDose ? Invariant($"{perDose} mg per dose")
                : regimen.PerDayMg is null ? "no dose computed (the alerts below say why)" : "per-dose amount not stated");
            detail.Append(regimen.PerDayMg is { } perDay ? Invariant($", {perDay} mg per day") : string.Empty);
            detail.Append(regimen.IntervalHours is { } every ? Invariant($", every {every} hours") : string.Empty);
            detail.Append(regimen.MaxPerDayMg is { } max ? Invariant($", at most {max:0.####} mg per day") : string.Empty);
            detail.Append(regimen.Days is { } days ? Invariant($", for {days} days") : string.Empty);
            detail.Append(regimen.Route is { } route ? $", {CardText.Escape(route)}" : string.Empty).Append('\n');
        }

        detail.Append('\n');
    }

    /// <summary>The order against each regimen computed: agrees with one, or what differs from each and what was not compared.</summary>
    public static void AppendRegimenCheck(StringBuilder detail, OrderCheck check, OrderedAmount ordered)
    {
        if (check.Whole is { } whole)
        {
            CardText.AppendEscaped(detail, whole.Why).Append("\n\n");
            return;
        }

        var course = ordered.CourseShown is { } c ? " " + c : string.Empty;
        detail.Append("The order gives **").Append(CardText.Escape(ordered.Daily + course)).Append("**");
        if (check.Agreeing is { } agreeing)
        {
            CardText.AppendEscaped(detail.Append(": it agrees with "), agreeing.Target.Name)
                .Append(" in the amount per dose and per day, the interval, the maxima and the course, as far as the regimen states them.\n\n");
            return;
        }

        detail.Append(".\n\n");
        foreach (var comparison in check.Comparisons)
        {
            CardText.AppendEscaped(detail.Append("Against "), comparison.Target.Name).Append(":\n\n");
            AppendParts(detail, comparison, except: null);
        }
    }

    /// <summary>Each difference, then each part not compared, as a list.</summary>
    private static void AppendParts(StringBuilder detail, OrderComparison comparison, string? except)
    {
        foreach (var difference in comparison.Differences.Where(d => d.What != except))
        {
            CardText.AppendEscaped(detail.Append("- "), difference.Text).Append('\n');
        }

        foreach (var part in comparison.Unread)
        {
            CardText.AppendEscaped(detail.Append("- Not compared: "), part.Why).Append('\n');
        }

        if (comparison.Differences.Any(d => d.What != except) || comparison.Unread.Count > 0)
        {
            detail.Append('\n');
        }
    }
}
