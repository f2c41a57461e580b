namespace Formulary.Web.Export;

/// <summary>Reported as pages are written: <paramref name="Done"/> of <paramref name="Total"/> files.</summary>
public readonly record struct ExportProgress(int Done, int Total);
