namespace Formulary.Clinical.Dosing;

/// <summary>The outcome of a dose or check. A dose is shown only under <see cref="Ok"/>.</summary>
public enum AnswerStatus
{
    /// <summary>An answer was computed; for a dose request, the dose is in the answer.</summary>
    Ok,

    /// <summary>No dose: the monograph gives none for this patient, or a safety test could not be done; the critical alerts say why.</summary>
    Withheld,

    /// <summary>The drug must not be given to this patient; no dose is computed.</summary>
    Contraindicated,

    /// <summary>The input was refused; <see cref="DoseAnswer.Errors"/> names each bad field.</summary>
    Refused,
}
