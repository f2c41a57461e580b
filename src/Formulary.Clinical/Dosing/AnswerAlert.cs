using Formulary.Clinical.Profiles;
using Formulary.Clinical.References;

namespace Formulary.Clinical.Dosing;

/// <summary>
/// An alert: severity, a stable code (listed in <see cref="AlertCodes"/>), a message, and its source:
/// the monograph sentence behind it (<see cref="Source"/>) or, for Formulary's own method notes, a
/// published reference and the decision record that chose it (<see cref="Reference"/>). Never neither.
/// </summary>
public sealed record AnswerAlert(AlertSeverity Severity, string Code, string Message, Citation? Source, MethodReference? Reference);
