namespace Formulary.Clinical.Regimens;

/// <summary>The unit an age band is written in: a neonatal band in days, an infant band in months, others in years.</summary>
public enum AgeUnit
{
    Days,
    Months,
    Years,
}
