namespace Formulary.Monographs.Loading;

/// <summary>Progress of a load: <paramref name="Done"/> of <paramref name="Total"/> files, the last one read.</summary>
public readonly record struct LoadProgress(int Done, int Total, string CurrentPath);
