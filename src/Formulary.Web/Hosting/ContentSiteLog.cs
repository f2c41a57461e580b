namespace Formulary.Web.Hosting;

internal static partial class ContentSiteLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Imported {ContentDirectory}: {Added} added, {Changed} changed, {Unchanged} unchanged, {Removed} removed, {Failed} failed")]
    public static partial void Imported(ILogger logger, string contentDirectory, int added, int changed, int unchanged, int removed, int failed);
}
