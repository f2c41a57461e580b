namespace Formulary.Web.Hosting;

internal static partial class ContentSiteLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Imported {ContentDirectory} ({Parsed} file(s) parsed): {Added} added, {Changed} changed, {Unchanged} unchanged, {Failed} failed, {Rejected} rejected")]
    public static partial void Imported(ILogger logger, string contentDirectory, int parsed, int added, int changed, int unchanged, int failed, int rejected);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "The store is empty and no bundled content/ folder was found (looked in the working directory, its parents and beside the app): the site serves no monograph until `formulary import DIR --db ...` or `serve --content DIR`")]
    public static partial void NothingToPublish(ILogger logger);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "The in-process search index failed ({ExceptionType}: {Reason}); searches are answered by the database until it works again")]
    public static partial void SearchIndexFailed(ILogger logger, string exceptionType, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information,
        Message = "Search index ready: {Documents} documents in {Seconds:F1} s")]
    public static partial void SearchIndexReady(ILogger logger, int documents, double seconds);
}
