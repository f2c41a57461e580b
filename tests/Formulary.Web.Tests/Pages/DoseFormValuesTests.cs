using Formulary.Clinical.Patients;
using Formulary.Web.Pages.Dose;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Formulary.Web.Tests.Pages;

/// <summary>Repeated form fields: a single-valued one is refused by name; medications may repeat and none is dropped.</summary>
public sealed class DoseFormValuesTests
{
    [Fact]
    public void MedicationsRepeated_EachIsKeptNothingRefused()
    {
        var values = DoseFormValues.FromForm(Form(("ageYears", ["10"]), ("medications", ["allopurinol", "warfarin"])));

        var (input, errors) = values.ToInput();

        Assert.Equal(["allopurinol", "warfarin"], input.Medications);
        Assert.Empty(errors);
    }

    [Fact]
    public void AgeRepeated_RefusedByNameAndNotRead()
    {
        var values = DoseFormValues.FromForm(Form(("ageYears", ["10", "11"]), ("medications", ["warfarin"])));

        var (input, errors) = values.ToInput();

        Assert.Null(input.AgeYears);
        var error = Assert.Single(errors);
        Assert.Equal(PatientField.Age, error.Field);
        Assert.StartsWith("is given more than once", error.Message, StringComparison.Ordinal);
        Assert.Equal(["warfarin"], input.Medications);
    }

    private static FormCollection Form(params (string Name, string[] Values)[] fields) =>
        new(fields.ToDictionary(f => f.Name, f => new StringValues(f.Values), StringComparer.Ordinal));
}
