using System.Text.Json.Serialization;

namespace Formulary.Clinical.Calculators;

public enum RenalEquation
{
    /// <summary>Cockcroft-Gault creatinine clearance, mL/min; adults (18 years and over).</summary>
    [JsonStringEnumMemberName("cockcroft-gault")]
    CockcroftGault,

    /// <summary>Bedside Schwartz eGFR, mL/min/1.73 m²; children and adolescents under 18.</summary>
    [JsonStringEnumMemberName("bedside-schwartz")]
    BedsideSchwartz,
}
