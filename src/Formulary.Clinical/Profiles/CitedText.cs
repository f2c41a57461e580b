namespace Formulary.Clinical.Profiles;

/// <summary>A rule that is only shown, never computed (a monitoring item, a stop criterion), with its source.</summary>
public sealed record CitedText(string Code, string Text, Citation Source);
