namespace Formulary.Web;

/// <summary>How the server writes its log to the console: with ASP.NET's built-in <c>simple</c> or <c>json</c> formatter, or not at all.</summary>
public enum ConsoleLogFormat
{
    /// <summary>No console log (tests).</summary>
    None,

    /// <summary>One readable line per event, coloured on a terminal (the <c>simple</c> formatter).</summary>
    Readable,

    /// <summary>One JSON object per line, for a log collector (the <c>json</c> formatter).</summary>
    Json,
}
