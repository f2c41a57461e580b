using Formulary.Clinical.Profiles;

namespace Formulary.Clinical.Dosing;

/// <summary>A dose factor applied (0.5 = halved), why, and the sentence that calls for it.</summary>
public sealed record AnswerAdjustment(string Code, decimal Factor, string Reason, Citation Source);
