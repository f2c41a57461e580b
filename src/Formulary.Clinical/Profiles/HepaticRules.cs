namespace Formulary.Clinical.Profiles;

/// <summary>Caution for mild to moderate hepatic impairment (severe is a contraindication when listed).</summary>
public sealed record HepaticRules(CitedText? Caution);
