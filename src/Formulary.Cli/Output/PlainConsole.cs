using Spectre.Console;

namespace Formulary.Cli.Output;

/// <summary>The one way commands print tables for people: plain text (no ANSI, no colour), fixed width, so output is the same on a terminal, in a pipe and in tests.</summary>
internal static class PlainConsole
{
    public static IAnsiConsole Create(TextWriter output, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        return console;
    }
}
