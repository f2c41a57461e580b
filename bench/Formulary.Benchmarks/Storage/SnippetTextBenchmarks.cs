using BenchmarkDotNet.Attributes;
using Formulary.Storage.Search;
using Formulary.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Formulary.Benchmarks.Storage;

/// <summary>
/// What a page of ten search hits costs to read the text its snippets are cut from (issue 7, "store each
/// text once"): the searchable fields kept in <c>documents</c> (baseline, what the store reads), the same
/// fields Brotli-packed, or derived from each version's model (<see cref="SearchDocument.From"/>), which
/// would drop the body, indications and sections columns.
/// </summary>
[MemoryDiagnoser]
public class SnippetTextBenchmarks
{
    private SqliteMonographStore store = null!;
    private SqliteConnection connection = null!;
    private long[] ids = [];
    private byte[][] packedBodies = [];

    [GlobalSetup]
    public void Setup()
    {
        store = SqliteMonographStore.Open(SearchCorpus.EnsureBuilt(), TimeProvider.System);
        connection = store.OpenConnection();
        ids = [.. Enumerable.Range(0, 10).Select(i => 1L + (i * 487))];
        packedBodies = [.. ids.Select(id => SqliteBrotli.PackText(ReadFields(id).Body))];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        connection.Dispose();
        store.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public int StoredFields() => ids.Sum(id => ReadFields(id).Body.Length);

    [Benchmark]
    public int StoredFieldsPacked()
    {
        var length = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            length += ReadFields(ids[i]).Sections.Length + SqliteBrotli.UnpackText(packedBodies[i]).Length;
        }

        return length;
    }

    [Benchmark]
    public int DerivedFromModel()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT v.model FROM documents d JOIN versions v ON v.document_id = d.id AND v.version = d.latest_version WHERE d.id = $id";
        var id = command.Parameters.Add("$id", SqliteType.Integer);
        var length = 0;
        foreach (var each in ids)
        {
            id.Value = each;
            length += SearchDocument.From(SqliteBrotli.UnpackModel(command.ExecuteScalar()!)).Body.Length;
        }

        return length;
    }

    private (string Body, string Sections) ReadFields(long id)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT collection, slug, title, names, body_text, sections_json FROM documents WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetString(4), reader.GetString(5));
    }
}
