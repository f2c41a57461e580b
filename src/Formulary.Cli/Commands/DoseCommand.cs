using System.CommandLine;
using Formulary.Cli.Commands.Patient;

namespace Formulary.Cli.Commands;

/// <summary><c>formulary dose --drug SLUG [patient options] [--json]</c>: a patient's dose with every step and its citations.</summary>
internal static class DoseCommand
{
    public static Command Create() =>
        ClinicalCommand.Create("dose", "Compute a patient's dose from a drug's rules, with trace, alerts and citations.", (engine, input, profile) => engine.Dose(input, profile), showsDose: true);
}
