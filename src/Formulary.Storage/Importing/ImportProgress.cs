namespace Formulary.Storage.Importing;

/// <summary>Reported after each document: <paramref name="Done"/> of <paramref name="Total"/> handled.</summary>
public readonly record struct ImportProgress(int Done, int Total, string SourcePath);
