namespace Formulary.Clinical.Regimens;

/// <summary>The review block of a rules file: status, and for a reviewed file who reviewed it and when.</summary>
public sealed record RuleReview(ReviewStatus Status, string? By, DateOnly? Date)
{
    /// <summary>Schema-1 files are written by hand and carry no review block: they count as reviewed.</summary>
    public static RuleReview HandWritten { get; } = new(ReviewStatus.Reviewed, null, null);

    public bool IsReviewed => Status == ReviewStatus.Reviewed;
}
