using Formulary.Clinical.Patients;
using Formulary.Clinical.Profiles;
using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Dosing;

/// <summary>The cycle calendar, the next-cycle window and the contraception end dates.</summary>
internal static class Schedule
{
    public static IReadOnlyList<CycleDay> Days(DateOnly start, int? days) =>
        days is { } n ? [.. Enumerable.Range(1, n).Select(day => new CycleDay(day, start.AddDays(day - 1)))] : [];

    public static NextCycle? Next(DateOnly start, Regimen regimen, AnswerBuilder answer)
    {
        if (regimen.Cycle is not { } cycle)
        {
            return null;
        }

        var next = new NextCycle(start.AddDays(cycle.MinWeeks * 7), start.AddDays(cycle.MaxWeeks * 7), cycle.Criteria, cycle.Source);
        answer.Step(Invariant($"Next cycle: every {cycle.MinWeeks}-{cycle.MaxWeeks} weeks counted from day 1 ({start:yyyy-MM-dd}): between {next.Earliest:yyyy-MM-dd} and {next.Latest:yyyy-MM-dd}, once {string.Join("; ", cycle.Criteria.Select(c => c.Text))}.") + AnswerBuilder.Cite(cycle.Source));
        return next;
    }

    /// <summary>
    /// "During treatment and until N months after the last dose of the final cycle"; the date only when
    /// this cycle is the final one and its last day is known.
    /// </summary>
    public static IReadOnlyList<ContraceptionAdvice> Contraception(Patient patient, DrugProfile profile, DateOnly? lastDose, AnswerBuilder answer)
    {
        var advice = new List<ContraceptionAdvice>();
        foreach (var rule in profile.Contraception.Where(r => r.Sex == patient.Sex))
        {
            var months = rule.MonthsAfterLastDose;
            var text = Invariant($"Effective contraception during treatment and until {months} months after the last dose of the final cycle");
            var until = patient.FinalCycle ? lastDose?.AddMonths(months) : null;
            text += (patient.FinalCycle, until) switch
            {
                (true, { } date) => Invariant($": this is the final cycle, last dose {lastDose:yyyy-MM-dd}, so until {date:yyyy-MM-dd}."),
                (true, null) => ": this is the final cycle, but its last day is not known (the schedule is not stated).",
                _ => ".",
            };
            advice.Add(new(rule.Sex, months, text, patient.FinalCycle ? lastDose : null, until, rule.Source));
            answer.Step(text + AnswerBuilder.Cite(rule.Source));
        }

        return advice;
    }
}
