namespace Formulary.Clinical.Regimens;

/// <summary>The one spelling of each basis on the wire and in rules files: <c>mg/m2</c>, <c>mg/kg</c>, <c>mg</c>, <c>auc</c>.</summary>
public static class RegimenBasisNames
{
    public static string Wire(RegimenBasis basis) => basis switch
    {
        RegimenBasis.PerSquareMetre => "mg/m2",
        RegimenBasis.PerKilogram => "mg/kg",
        RegimenBasis.Fixed => "mg",
        RegimenBasis.CalvertAuc => "auc",
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "unknown basis"),
    };

    public static RegimenBasis? Parse(string? text) => text switch
    {
        "mg/m2" => RegimenBasis.PerSquareMetre,
        "mg/kg" => RegimenBasis.PerKilogram,
        "mg" => RegimenBasis.Fixed,
        "auc" => RegimenBasis.CalvertAuc,
        _ => null,
    };

    /// <summary>The unit of the amount as a person writes it, for the trace.</summary>
    public static string Unit(RegimenBasis basis) => basis switch
    {
        RegimenBasis.PerSquareMetre => "mg/m²",
        RegimenBasis.PerKilogram => "mg/kg",
        RegimenBasis.Fixed => "mg",
        _ => "mg/mL·min (target AUC)",
    };
}
