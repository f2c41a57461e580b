namespace Formulary.Clinical.Quantities;

/// <summary>The prescriber's grading of hepatic impairment (the monograph speaks of mild, moderate, severe).</summary>
public enum HepaticImpairment
{
    None,
    Mild,
    Moderate,
    Severe,
}
