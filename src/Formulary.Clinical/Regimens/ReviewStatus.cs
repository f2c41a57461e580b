namespace Formulary.Clinical.Regimens;

/// <summary>A rules file is a machine-read draft until an editor has checked it against the monograph.</summary>
public enum ReviewStatus
{
    Draft,
    Reviewed,
}
