namespace Formulary.Monographs.Parsing.Body;

/// <summary>
/// What Markdig's inline-link parsing would cost, measured before Markdig runs. At every <c>](</c> Markdig reads
/// the link destination that follows (<c>LinkHelper.TryParseUrl</c>): up to white space or the <c>)</c> that closes
/// it, counting nested parentheses. A run like <c>[x]([x]([x](…</c> never closes, so each of its n openers reads
/// to the end of the run: n²/2 characters (50,000 openers, 200 KB, took 20 s). Real links read their own URL once,
/// a few times the body's length at the most. This walks the same destinations with the same stop rules, adding
/// up the characters read, and stops as soon as the total passes the budget, so it costs at most the budget plus
/// one pass over the body.
/// </summary>
internal static class LinkDestinationScan
{
    /// <summary>The offset of the <c>](</c> at which the characters read pass <paramref name="budget"/>, or -1.</summary>
    public static int FirstOverBudget(string body, long budget)
    {
        long read = 0;
        var opener = body.IndexOf("](", StringComparison.Ordinal);
        while (opener >= 0)
        {
            read += DestinationLength(body, opener + 2);
            if (read > budget)
            {
                return opener;
            }

            opener = body.IndexOf("](", opener + 2, StringComparison.Ordinal);
        }

        return -1;
    }

    /// <summary>How far a destination starting at <paramref name="start"/> is read: to white space, or past the unmatched <c>)</c>.</summary>
    private static int DestinationLength(string body, int start)
    {
        var i = start;
        while (i < body.Length && body[i] is ' ' or '\t')
        {
            i++;
        }

        if (i < body.Length && body[i] == '<')
        {
            // An angle destination ends at '>', and cannot hold '<' or a line ending.
            var close = body.AsSpan(i + 1).IndexOfAny("<>\n\r");
            return (close < 0 ? body.Length : i + 1 + close) - start;
        }

        var depth = 0;
        for (; i < body.Length && !char.IsWhiteSpace(body[i]) && !char.IsControl(body[i]); i++)
        {
            switch (body[i])
            {
                case '\\':
                    i++;
                    break;
                case '(':
                    depth++;
                    break;
                case ')' when depth == 0:
                    return i - start;
                case ')':
                    depth--;
                    break;
            }
        }

        return Math.Min(i, body.Length) - start;
    }
}
