using Formulary.Clinical.Profiles;
using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Dosing;

/// <summary>
/// Contraception during treatment and until <see cref="MonthsAfterLastDose"/> months after the last
/// dose of the final cycle; <see cref="Until"/> is the date when this cycle is the final one, else null.
/// </summary>
public sealed record ContraceptionAdvice(Sex Sex, int MonthsAfterLastDose, string Advice, DateOnly? LastDose, DateOnly? Until, Citation Source);
