namespace Formulary.Monographs.Model;

/// <summary>
/// The YAML front matter, typed. Fields that do not apply to a collection stay null; values that
/// could not be read as their type are null here and reported as diagnostics.
/// </summary>
public sealed record FrontMatter
{
    public static FrontMatter Empty { get; } = new();

    public string? Title { get; init; }
    public string? Description { get; init; }
    public bool IsBanned { get; init; }
    public DateTimeOffset? LastModified { get; init; }
    public IReadOnlyList<RawFaq> Faqs { get; init; } = [];

    /// <summary>Combinations: the ingredients, when listed.</summary>
    public IReadOnlyList<Ingredient> Ingredients { get; init; } = [];

    /// <summary>Medicines (brand products).</summary>
    public MedicineType MedicineType { get; init; } = MedicineType.Single;
    public string? GenericSlug { get; init; }
    public string? CombinationSlug { get; init; }
    public string? Company { get; init; }
    public string? Strength { get; init; }
    public string? PackSize { get; init; }
    public decimal? Mrp { get; init; }
}

/// <summary>A front-matter FAQ entry as written, before repair.</summary>
public sealed record RawFaq(string Question, string Answer, int Line)
{
    /// <summary>1-based column of the question's value in the file.</summary>
    public int Column { get; init; }
}

public sealed record Ingredient(string GenericSlug, string? Strength);

public enum MedicineType
{
    Single,
    Combination,
}
