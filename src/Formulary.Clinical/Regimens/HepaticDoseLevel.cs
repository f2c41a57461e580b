using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Regimens;

/// <summary>An adjustment for a grade of hepatic impairment (mild, moderate, severe) as the prescriber reports it.</summary>
public sealed record HepaticDoseLevel(HepaticImpairment Level, DoseAdjustment Adjustment);
