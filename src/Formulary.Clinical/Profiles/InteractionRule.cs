namespace Formulary.Clinical.Profiles;

/// <summary>The monograph says to avoid drugs of this class (a name known to <see cref="Interactions.InteractionClassCatalog"/>).</summary>
public sealed record InteractionRule(string ClassName, Citation Source);
