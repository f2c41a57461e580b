namespace Formulary.Clinical.Regimens;

/// <summary>Whether a regimen's amount is one dose or the whole day's (then possibly divided into N doses).</summary>
public enum AmountPer
{
    Dose,
    Day,
}
