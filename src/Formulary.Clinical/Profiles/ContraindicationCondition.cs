namespace Formulary.Clinical.Profiles;

/// <summary>The patient states a profile can list as contraindications; the engine knows how to test each.</summary>
public enum ContraindicationCondition
{
    Hypersensitivity,
    Pregnancy,
    Breastfeeding,
    SevereRenalImpairment,
    SevereHepaticImpairment,
}
