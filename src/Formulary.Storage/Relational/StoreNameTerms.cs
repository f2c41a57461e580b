using System.Data.Common;
using Formulary.Storage.Search;

namespace Formulary.Storage.Relational;

/// <summary>
/// The words of published names (titles, alternate names, linked brand titles) that "did you mean" may
/// propose, kept in <c>name_terms</c> with the number of documents whose names hold each word. The
/// import changes the counts of the documents it re-indexes (inside its transaction) and deletes a
/// word no document names any more, so the table never needs a walk of the whole index; the same SQL
/// on both stores. A word is the first word of a <see cref="SearchName.Folded"/> row: every word of a
/// name starts one row (the name's own, or an inner row), so these are all the words of all names.
/// </summary>
internal static class StoreNameTerms
{
    /// <summary>How many more (or fewer) documents name each word after the change; unchanged words are left out.</summary>
    public static Dictionary<string, int> Change(IEnumerable<(long Id, string Folded)> before, IEnumerable<(long Id, string Folded)> after)
    {
        var change = new Dictionary<string, int>(StringComparer.Ordinal);
        Count(before, -1);
        Count(after, 1);
        foreach (var unchanged in change.Where(c => c.Value == 0).Select(c => c.Key).ToList())
        {
            change.Remove(unchanged);
        }

        return change;

        void Count(IEnumerable<(long Id, string Folded)> rows, int sign)
        {
            foreach (var (_, word) in rows.Select(r => (r.Id, Word: FirstWord(r.Folded))).Where(r => r.Word.Length > 0).Distinct())
            {
                change[word] = change.GetValueOrDefault(word) + sign;
            }
        }
    }

    public static async Task ApplyAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyDictionary<string, int> change, CancellationToken cancellationToken)
    {
        if (change.Count == 0)
        {
            return;
        }

        await using var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText =
            """
            INSERT INTO name_terms (term, documents) VALUES (@term, @change)
            ON CONFLICT (term) DO UPDATE SET documents = name_terms.documents + excluded.documents
            """;
        var term = Add(upsert, "term");
        var count = Add(upsert, "change");
        await using var prune = connection.CreateCommand();
        prune.Transaction = transaction;
        prune.CommandText = "DELETE FROM name_terms WHERE term = @term AND documents <= 0";
        var gone = Add(prune, "term");
        foreach (var (word, delta) in change)
        {
            (term.Value, count.Value) = (word, delta);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
            if (delta < 0)
            {
                gone.Value = word;
                await prune.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    /// <summary>Every word some published name holds.</summary>
    public static async Task<NameVocabulary> ReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT term FROM name_terms";
        var words = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            words.Add(reader.GetString(0));
        }

        return new NameVocabulary(words);
    }

    private static string FirstWord(string folded) => folded.IndexOf(' ', StringComparison.Ordinal) is var space and >= 0 ? folded[..space] : folded;

    private static DbParameter Add(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
