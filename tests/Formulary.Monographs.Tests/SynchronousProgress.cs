namespace Formulary.Monographs.Tests;

/// <summary><see cref="Progress{T}"/> posts to the thread pool; tests need reports in order, on the calling thread.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
