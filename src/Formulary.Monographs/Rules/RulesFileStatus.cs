namespace Formulary.Monographs.Rules;

/// <summary>One rules file's state for <c>formulary rules status</c>: reviewed, draft, or not usable because of errors.</summary>
public sealed record RulesFileStatus(string Slug, string File, string Status, string? ReviewedBy, DateOnly? ReviewedOn, int Regimens, int Errors)
{
    public const string Reviewed = "reviewed";
    public const string Draft = "draft";
    public const string Invalid = "errors";
}
