namespace Formulary.Storage.Importing;

/// <summary>
/// Carries out a plan through a store's two write operations, checking for cancellation and
/// reporting progress after each input document. The caller owns the transaction around it.
/// </summary>
internal static class ImportRun
{
    public static async Task<ImportReport> ExecuteAsync(
        IReadOnlyList<ImportStep> steps,
        int documentCount,
        Func<ImportStep, CancellationToken, Task> write,
        Func<StoredState, CancellationToken, Task> remove,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        var done = 0;
        foreach (var step in steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (step.Remove)
            {
                await remove(step.Previous!, cancellationToken);
                continue;
            }

            if (step.Write is not null)
            {
                await write(step, cancellationToken);
            }

            progress?.Report(new ImportProgress(++done, documentCount, step.Result.SourcePath));
        }

        return new ImportReport([.. steps.Select(s => s.Result)]);
    }
}
