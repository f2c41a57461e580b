using Formulary.Storage.Importing;

namespace Formulary.Storage.Tests;

/// <summary>IProgress that reports on the calling thread (Progress&lt;T&gt; posts to the thread pool, too late for assertions).</summary>
internal sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
{
    public void Report(ImportProgress value) => report(value);
}
