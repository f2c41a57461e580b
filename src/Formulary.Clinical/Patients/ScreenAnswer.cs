namespace Formulary.Clinical.Patients;

/// <summary>
/// The answer to a screening question that can contraindicate (pregnancy, breastfeeding,
/// hypersensitivity). "Not asked" is not "no": the answer says which screen was not done.
/// </summary>
public enum ScreenAnswer
{
    NotAsked,
    No,
    Yes,
}
