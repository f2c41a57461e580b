namespace Formulary.Clinical.Quantities;

/// <summary>
/// An estimate of kidney function: creatinine clearance in mL/min (Cockcroft-Gault) or eGFR in
/// mL/min/1.73 m² (bedside Schwartz). The unit travels with the value because the two are not
/// the same quantity: a monograph band written in CrCl mL/min is compared with a child's
/// normalized eGFR only with an explicit note (see docs/decisions/0002-clinical-engine.md).
/// </summary>
public readonly record struct RenalFunction
{
    private RenalFunction(decimal value, RenalFunctionUnit unit)
    {
        Value = value;
        Unit = unit;
    }

    public decimal Value { get; }

    public RenalFunctionUnit Unit { get; }

    public static RenalFunction CreatinineClearance(decimal mlPerMinute) => Create(mlPerMinute, RenalFunctionUnit.MlPerMinute);

    public static RenalFunction Egfr(decimal mlPerMinutePer173) => Create(mlPerMinutePer173, RenalFunctionUnit.MlPerMinutePer173SquareMetres);

    private static RenalFunction Create(decimal value, RenalFunctionUnit unit) =>
        value > 0m ? new RenalFunction(value, unit) : throw new ArgumentOutOfRangeException(nameof(value), value, "must be greater than zero");

    /// <summary>The estimate as an answer shows it and its rules decide on it: to 0.1, midpoint away from zero.</summary>
    public RenalFunction AsShown() => new(Math.Round(Value, 1, MidpointRounding.AwayFromZero), Unit);

    public string UnitSymbol => Unit == RenalFunctionUnit.MlPerMinute ? "mL/min" : "mL/min/1.73 m²";

    public override string ToString() => Invariant($"{Value:0.0} {UnitSymbol}");
}
