namespace Formulary.Web.Hosting;

internal static partial class ContentSiteLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Imported {ContentDirectory} ({Parsed} file(s) parsed): {Added} added, {Changed} changed, {Unchanged} unchanged, {Failed} failed, {Rejected} rejected")]
    public static partial void Imported(ILogger logger, string contentDirectory, int parsed, int added, int changed, int unchanged, int failed, int rejected);
}
