using System.Globalization;
using System.Text;
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
        var query = new StringBuilder(192);
        Add(query, "ageYears", Number(input.AgeYears));
        Add(query, "sex", input.Sex?.LowerCase());
        Add(query, "weightKg", Number(input.Weight?.Value));
        Add(query, "weightDate", Date(input.Weight?.MeasuredOn));
        Add(query, "heightCm", Number(input.Height?.Value));
        Add(query, "heightDate", Date(input.Height?.MeasuredOn));
        Add(query, input.Creatinine?.Unit == CreatinineUnit.MicromolPerLitre ? "scrUmolL" : "scrMgDl", Number(input.Creatinine?.Value));
        Add(query, "scrDate", Date(input.Creatinine?.MeasuredOn));
        return query.ToString();
    }

    /// <summary>Appends <c>name=value</c> (the value escaped), after a <c>&amp;</c> when fields precede it; nothing when the value is null.</summary>
    private static void Add(StringBuilder query, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (query.Length > 0)
        {
            query.Append('&');
        }

        query.Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }

    private static string? Number(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture);

    private static string? Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
