using Formulary.Clinical.Patients;
using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Tests.Dosing;

internal static class Requests
{
    public static DateOnly DayOne { get; } = new(2026, 3, 2);

    /// <summary>
    /// A 10-year-old boy, 32 kg, 138 cm, creatinine 0.5 mg/dL (laboratory ULN 0.7), every screen
    /// answered no, hepatic none, day 1 on 2 March 2026.
    /// </summary>
    public static PatientInput Child { get; } = new()
    {
        AgeYears = 10m,
        Sex = Sex.Male,
        Weight = Measure.Kilograms(32m),
        Height = Measure.Centimetres(138m),
        Creatinine = Measure.MgPerDl(0.5m),
        CreatinineUpperLimit = Measure.MgPerDl(0.7m),
        Hepatic = HepaticImpairment.None,
        Pregnant = ScreenAnswer.No,
        Breastfeeding = ScreenAnswer.No,
        Hypersensitivity = ScreenAnswer.No,
        StartDate = DayOne,
    };

    /// <summary>A 30-year-old man, 70 kg, 170 cm, creatinine 0.9 mg/dL (ULN 1.2).</summary>
    public static PatientInput Adult { get; } = Child with
    {
        AgeYears = 30m,
        Weight = Measure.Kilograms(70m),
        Height = Measure.Centimetres(170m),
        Creatinine = Measure.MgPerDl(0.9m),
        CreatinineUpperLimit = Measure.MgPerDl(1.2m),
    };
}
