namespace Formulary.Web.Export;

/// <summary>What an export wrote: page and file counts, bytes, and how long it took.</summary>
public sealed record ExportReport(int Pages, int Files, long Bytes, TimeSpan Elapsed);
