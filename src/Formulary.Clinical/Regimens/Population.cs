using Formulary.Clinical.Patients;

namespace Formulary.Clinical.Regimens;

/// <summary>
/// Who a regimen is for: an age band (from <see cref="AgeMin"/> inclusive to below <see cref="AgeBelow"/>,
/// in <see cref="AgeUnit"/>) and a weight band (kg, same inclusiveness). Unset bounds are open.
/// Ages in days and months are compared with the patient's age in years × 365.25 or × 12.
/// </summary>
public sealed record Population
{
    public static Population Anyone { get; } = new();

    public string? Label { get; init; }
    public decimal? AgeMin { get; init; }
    public decimal? AgeBelow { get; init; }
    public AgeUnit AgeUnit { get; init; } = AgeUnit.Years;
    public decimal? WeightMinKg { get; init; }
    public decimal? WeightBelowKg { get; init; }

    public bool Contains(Patient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var age = AgeUnit switch
        {
            AgeUnit.Days => patient.Age.Years * 365.25m,
            AgeUnit.Months => patient.Age.Years * 12m,
            _ => patient.Age.Years,
        };
        if ((AgeMin is { } min && age < min) || (AgeBelow is { } below && age >= below))
        {
            return false;
        }

        if (WeightMinKg is null && WeightBelowKg is null)
        {
            return true;
        }

        // A weight band with no weight given cannot be decided: the regimen does not apply.
        return patient.Weight is { } weight
            && (WeightMinKg is not { } wmin || weight.Kilograms >= wmin)
            && (WeightBelowKg is not { } wbelow || weight.Kilograms < wbelow);
    }

    public override string ToString()
    {
        var unit = AgeUnit.LowerCase();
        var parts = new List<string>();
        if (Label is { } label)
        {
            parts.Add(label);
        }

        var age = (AgeMin, AgeBelow) switch
        {
            ({ } a, { } b) => Invariant($"age {a} to under {b} {unit}"),
            ({ } a, null) => Invariant($"age {a} {unit} and over"),
            (null, { } b) => Invariant($"age under {b} {unit}"),
            _ => null,
        };
        var weight = (WeightMinKg, WeightBelowKg) switch
        {
            ({ } a, { } b) => Invariant($"weight {a} to under {b} kg"),
            ({ } a, null) => Invariant($"weight {a} kg and over"),
            (null, { } b) => Invariant($"weight under {b} kg"),
            _ => null,
        };
        parts.AddRange(new[] { age, weight }.OfType<string>());
        return parts.Count == 0 ? "all patients" : string.Join(", ", parts);
    }
}
