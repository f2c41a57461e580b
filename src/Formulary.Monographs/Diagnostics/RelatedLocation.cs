namespace Formulary.Monographs.Diagnostics;

/// <summary>Another place in the same file a diagnostic is about (e.g. the other side of a contradiction).</summary>
public sealed record RelatedLocation(string Description, int Line, int Column);
