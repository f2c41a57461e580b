using System.CommandLine;
using Formulary.Cli.Commands.Patient;

namespace Formulary.Cli.Commands;

/// <summary><c>formulary check --drug SLUG [patient options] [--json]</c>: screening only (contraindications, interactions, alerts), no dose.</summary>
internal static class CheckCommand
{
    public static Command Create() =>
        ClinicalCommand.Create("check", "Screen a patient against a drug's rules: contraindications, indication, renal/hepatic status, interactions.", (engine, input, profile) => engine.Check(input, profile), showsDose: false);
}
