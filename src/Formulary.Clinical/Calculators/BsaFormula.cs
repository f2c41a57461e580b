using System.Text.Json.Serialization;

namespace Formulary.Clinical.Calculators;

/// <summary>The body surface area formulas an institution may choose (Mosteller is the default); wire names are lower case.</summary>
public enum BsaFormula
{
    [JsonStringEnumMemberName("mosteller")]
    Mosteller,

    [JsonStringEnumMemberName("dubois")]
    DuBois,

    [JsonStringEnumMemberName("haycock")]
    Haycock,

    [JsonStringEnumMemberName("gehan-george")]
    GehanGeorge,

    [JsonStringEnumMemberName("boyd")]
    Boyd,
}
