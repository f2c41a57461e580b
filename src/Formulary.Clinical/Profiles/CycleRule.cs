namespace Formulary.Clinical.Profiles;

/// <summary>
/// Cycles repeat every <see cref="MinWeeks"/> to <see cref="MaxWeeks"/> weeks, counted from day 1
/// of the previous cycle, once every criterion holds.
/// </summary>
public sealed record CycleRule(int MinWeeks, int MaxWeeks, IReadOnlyList<CycleCriterion> Criteria, Citation Source);
