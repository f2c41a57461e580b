namespace Formulary.Clinical.References;

/// <summary>
/// A published source for one of Formulary's own methods (an equation, a reference table, a
/// policy bound): its title, a link, and the decision record that explains the choice.
/// </summary>
public sealed record MethodReference(string Title, string Url, string Decision);
