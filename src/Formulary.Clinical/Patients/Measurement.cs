namespace Formulary.Clinical.Patients;

/// <summary>
/// A value as entered, with its unit and, optionally, the day it was measured. Not yet checked:
/// the engine turns it into a validated quantity or a refusal naming the field.
/// </summary>
public sealed record Measurement<TUnit>(decimal Value, TUnit Unit, DateOnly? MeasuredOn = null)
    where TUnit : struct, Enum;
