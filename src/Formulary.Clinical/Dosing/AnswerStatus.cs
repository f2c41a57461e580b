namespace Formulary.Clinical.Dosing;

/// <summary>The values of <see cref="DoseAnswer.Status"/>.</summary>
public static class AnswerStatus
{
    /// <summary>An answer was computed (a dose may still be withheld; the alerts say why).</summary>
    public const string Ok = "ok";

    /// <summary>The input was refused; <see cref="DoseAnswer.Errors"/> names each bad field.</summary>
    public const string Refused = "refused";

    /// <summary>The drug must not be given to this patient; no dose is computed.</summary>
    public const string Contraindicated = "contraindicated";
}
