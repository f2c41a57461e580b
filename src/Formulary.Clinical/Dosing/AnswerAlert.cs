using Formulary.Clinical.Profiles;

namespace Formulary.Clinical.Dosing;

/// <summary>An alert: severity, a stable code (listed in <see cref="AlertCodes"/>), a message and the monograph sentence behind it.</summary>
public sealed record AnswerAlert(string Severity, string Code, string Message, Citation? Source);
