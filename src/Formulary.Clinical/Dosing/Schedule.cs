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

    public static IReadOnlyList<ContraceptionAdvice> Contraception(Patient patient, DrugProfile profile, DateOnly? lastDose, AnswerBuilder answer)
    {
        var advice = new List<ContraceptionAdvice>();
        foreach (var rule in profile.Contraception.Where(r => r.Sex == patient.Sex))
        {
            var until = lastDose?.AddMonths(rule.MonthsAfterLastDose);
            var sex = rule.Sex == Sex.Female ? "female" : "male";
            advice.Add(new(sex, rule.MonthsAfterLastDose, lastDose, until, rule.Source));
            answer.Step(until is { } date
                ? Invariant($"Contraception during treatment and for {rule.MonthsAfterLastDose} months after the last dose ({lastDose:yyyy-MM-dd}): until {date:yyyy-MM-dd}.") + AnswerBuilder.Cite(rule.Source)
                : Invariant($"Contraception during treatment and for {rule.MonthsAfterLastDose} months after the last dose (date unknown: the schedule is not stated).") + AnswerBuilder.Cite(rule.Source));
        }

        return advice;
    }
}
