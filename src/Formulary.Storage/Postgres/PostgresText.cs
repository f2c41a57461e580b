namespace Formulary.Storage.Postgres;

/// <summary>
/// PostgreSQL text cannot hold U+0000 (SQLite can). Source text keeps every other character; a NUL
/// becomes U+FFFD, the same replacement the parser uses for undecodable bytes.
/// </summary>
internal static class PostgresText
{
    public static string Clean(string text) =>
        text.Contains('\0', StringComparison.Ordinal) ? text.Replace('\0', '\uFFFD') : text;
}
