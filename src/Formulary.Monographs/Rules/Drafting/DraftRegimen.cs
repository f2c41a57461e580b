using Formulary.Clinical.Profiles;
using Formulary.Clinical.Regimens;

namespace Formulary.Monographs.Rules.Drafting;

/// <summary>A drafted regimen, and the heading its population was read from when that is not the regimen's own sentence.</summary>
public sealed record DraftRegimen(DoseRule Rule, Citation? PopulationSource);
