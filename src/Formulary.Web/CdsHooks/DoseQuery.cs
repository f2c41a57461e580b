using System.Globalization;
using Formulary.Clinical;
using Formulary.Clinical.Patients;
using Formulary.Clinical.Quantities;

namespace Formulary.Web.CdsHooks;

/// <summary>The dose page's form fields (<see cref="Pages.Dose.DoseFormValues"/>) as a query string, filled from a patient read from FHIR.</summary>
internal static class DoseQuery
{
    public static string For(PatientInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var fields = new List<(string Name, string? Value)>
        {
            ("ageYears", Number(input.AgeYears)),
            ("sex", input.Sex?.LowerCase()),
            ("weightKg", Number(input.Weight?.Value)),
            ("weightDate", Date(input.Weight?.MeasuredOn)),
            ("heightCm", Number(input.Height?.Value)),
            ("heightDate", Date(input.Height?.MeasuredOn)),
            (input.Creatinine?.Unit == CreatinineUnit.MicromolPerLitre ? "scrUmolL" : "scrMgDl", Number(input.Creatinine?.Value)),
            ("scrDate", Date(input.Creatinine?.MeasuredOn)),
        };
        return string.Join('&', fields.Where(f => f.Value is not null).Select(f => f.Name + "=" + Uri.EscapeDataString(f.Value!)));
    }

    private static string? Number(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture);

    private static string? Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
