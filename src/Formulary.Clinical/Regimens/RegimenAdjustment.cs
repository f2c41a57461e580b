using Formulary.Clinical.Profiles;

namespace Formulary.Clinical.Regimens;

/// <summary>An adjustment applied to one regimen for this patient: kind (renal, hepatic, toxicity), action, value, why, and its citation.</summary>
public sealed record RegimenAdjustment(string Kind, string Action, ValueRange? Value, string Reason, Citation Source);
