using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Profiles;

/// <summary>Effective contraception during treatment and for <see cref="MonthsAfterLastDose"/> after the last dose.</summary>
public sealed record ContraceptionRule(Sex Sex, int MonthsAfterLastDose, Citation Source);
