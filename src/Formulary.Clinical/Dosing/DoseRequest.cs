namespace Formulary.Clinical.Dosing;

/// <summary>
/// The wire-level request for a dose or a check: what the CLI options, the JSON API and the page
/// form all fill in. Values are taken as given (units in the names) and validated by the engine,
/// which names each bad field; enumerations are strings so that an unknown value is a field error,
/// not a deserialization failure.
/// </summary>
public sealed record DoseRequest
{
    /// <summary>The drug's slug (e.g. <c>clofarabine</c>); used to pick the profile.</summary>
    public string? Drug { get; init; }

    public decimal? AgeYears { get; init; }

    /// <summary><c>female</c> or <c>male</c>.</summary>
    public string? Sex { get; init; }

    public decimal? WeightKg { get; init; }
    public decimal? WeightLb { get; init; }
    public decimal? HeightCm { get; init; }
    public decimal? HeightIn { get; init; }
    public decimal? ScrMgDl { get; init; }
    public decimal? ScrUmolL { get; init; }

    /// <summary>Upper limit of normal serum creatinine for the patient's age (mg/dL), from the laboratory.</summary>
    public decimal? ScrUlnMgDl { get; init; }

    /// <summary><c>none</c>, <c>mild</c>, <c>moderate</c> or <c>severe</c>; absent means none reported.</summary>
    public string? Hepatic { get; init; }

    public bool PriorToxicity { get; init; }
    public bool Pregnant { get; init; }
    public bool Breastfeeding { get; init; }

    /// <summary>Known hypersensitivity to the drug.</summary>
    public bool Hypersensitivity { get; init; }

    public IReadOnlyList<string>? Medications { get; init; }

    /// <summary>Institution policy: <c>mosteller</c> (default), <c>dubois</c>, <c>haycock</c>, <c>gehan-george</c>, <c>boyd</c>.</summary>
    public string? BsaFormula { get; init; }

    /// <summary>Institution policy: the largest BSA a dose is computed from, m².</summary>
    public decimal? BsaCap { get; init; }

    /// <summary>Institution policy: doses are rounded to a multiple of this many mg (default 0.1).</summary>
    public decimal? DoseRoundingMg { get; init; }

    /// <summary>When the weight was measured, <c>YYYY-MM-DD</c> (optional; checked against the height's date).</summary>
    public string? WeightMeasuredOn { get; init; }

    /// <summary>When the height was measured, <c>YYYY-MM-DD</c> (optional; a growing patient's old height is refused).</summary>
    public string? HeightMeasuredOn { get; init; }

    /// <summary>Day 1 of the cycle, <c>YYYY-MM-DD</c>; absent means today (from the engine's clock).</summary>
    public string? StartDate { get; init; }
}
