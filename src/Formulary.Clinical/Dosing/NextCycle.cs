using Formulary.Clinical.Profiles;

namespace Formulary.Clinical.Dosing;

/// <summary>The window for the next cycle (counted from day 1 of this one) and what must hold first.</summary>
public sealed record NextCycle(DateOnly Earliest, DateOnly Latest, IReadOnlyList<CycleCriterion> Criteria, Citation Source);
