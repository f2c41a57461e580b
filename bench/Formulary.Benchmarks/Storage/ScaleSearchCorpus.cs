using Formulary.Benchmarks.Parsing;
using Formulary.Storage.Publishing;
using Formulary.Storage.Sqlite;

namespace Formulary.Benchmarks.Storage;

/// <summary>
/// A SQLite store of the generated corpus at 100,000 documents (compositions, combinations and brand
/// pages with seed-sized bodies, see <see cref="CorpusGenerator"/>), published by the real pipeline
/// (<see cref="ContentPublisher"/>): built once into the temp folder, reused by every run.
/// <c>formulary import</c> of the same folder into the same path gives the same file.
/// <c>FORMULARY_BENCH_SEARCH_DB</c> names another file (a copy, so a migration does not touch the shared one).
/// </summary>
internal static class ScaleSearchCorpus
{
    public const int Documents = 100_000;

    public static string DatabasePath { get; } =
        Environment.GetEnvironmentVariable("FORMULARY_BENCH_SEARCH_DB") is { Length: > 0 } path
            ? path
            : Path.Combine(Path.GetTempPath(), "formulary-bench-search-100k.db");

    public static string EnsureBuilt()
    {
        if (File.Exists(DatabasePath))
        {
            return DatabasePath;
        }

        var folder = Path.Combine(Path.GetTempPath(), "formulary-bench-search-100k-content");
        if (!Directory.Exists(folder))
        {
            CorpusGenerator.WriteTo(CorpusGenerator.Generate(RepositoryContent.Find(), Documents), folder);
        }

        var building = DatabasePath + ".building";
        var store = SqliteMonographStore.Open(building, TimeProvider.System);
        ContentPublisher.PublishAsync(store, folder, PublishOptions.Incremental).GetAwaiter().GetResult();
        store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        File.Move(building, DatabasePath);
        return DatabasePath;
    }
}
