using Formulary.Clinical.Profiles;

namespace Formulary.Clinical.Dosing;

/// <summary>Contraception until <see cref="Until"/> (null when the last dose date is not known).</summary>
public sealed record ContraceptionAdvice(string Sex, int MonthsAfterLastDose, DateOnly? LastDose, DateOnly? Until, Citation Source);
