using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Loading;
using Formulary.Monographs.Model;

namespace Formulary.Monographs.Tests.Loading;

/// <summary>Issue 12.11: one slug rule; a file name that is not a usable URL is normalized and lint says so.</summary>
public sealed class SlugRuleTests
{
    [Theory]
    [InlineData("clofarabine", "clofarabine")]
    [InlineData("vitamin_b12.v2", "vitamin_b12.v2")]
    [InlineData("Vitamin_B12.v2", "vitamin_b12.v2")]
    [InlineData("Clofarabine", "clofarabine")]
    [InlineData("st-john's-wort", "st-johns-wort")]
    [InlineData("St John’s wort, oil", "st-johns-wort-oil")]
    [InlineData("paracetamol, caffeine", "paracetamol-caffeine")]
    [InlineData(".hidden", "hidden")]
    [InlineData("a/../b", "a-..-b")]
    [InlineData("ménière", "m-ni-re")]
    [InlineData("a\nb", "a-b")]
    public void Normalize_FileName_ValidSlug(string name, string expected)
    {
        var slug = SlugRule.Normalize(name);

        Assert.Equal(expected, slug);
        Assert.True(SlugRule.IsValid(slug));
    }

    [Theory]
    [InlineData("compositions/clofarabine.md", "clofarabine", false)]
    [InlineData("compositions/clofarabine.MD", "clofarabine", false)]
    [InlineData("compositions/Clofarabine.md", "clofarabine", true)]
    [InlineData("compositions/clofarabine .md", "clofarabine", true)]
    public void FromFileName_CapitalsOrSpaces_LowerCaseSlugAndNormalizedName(string path, string slug, bool normalized)
    {
        Assert.Equal(slug, SlugRule.FromFileName(path));
        Assert.Equal(normalized, SlugRule.IsNormalizedName(path));
        Assert.False(SlugRule.IsValid("Clofarabine"));
    }

    [Fact]
    public void Normalize_227Characters_CutTo200WithoutTrailingDash()
    {
        var name = string.Concat(Enumerable.Repeat("abcdefghi ", 23))[..227];

        var slug = SlugRule.Normalize(name);

        Assert.True(slug.Length <= SlugRule.MaxLength);
        Assert.True(SlugRule.IsValid(slug));
        Assert.False(slug.EndsWith('-'));
    }

    [Fact]
    public void Normalize_NothingUsable_StableHashedSlug()
    {
        Assert.Equal(SlugRule.Normalize("’’’"), SlugRule.Normalize("’’’"));
        Assert.StartsWith("document-", SlugRule.Normalize("’’’"), StringComparison.Ordinal);
        Assert.NotEqual(SlugRule.Normalize("’’’"), SlugRule.Normalize("'''"));
    }

    [Fact]
    public void Load_ApostropheCommaAndLongNames_PublishedUnderNormalizedSlugWithMono006()
    {
        using var content = new TempContent();
        var apostrophe = content.Write("compositions/st-john's-wort.md", "---\ntitle: St John's wort\n---\nBody.\n");
        content.Write("compositions/paracetamol, caffeine.md", "---\ntitle: P+C\n---\nBody.\n");
        content.Write("compositions/" + new string('x', 227) + ".md", "---\ntitle: Long\n---\nBody.\n");
        content.Write("medicines/hyperiforce.md", "---\ntitle: Hyperiforce\ngeneric_slug: st-john's-wort\n---\nBody.\n");

        var set = new ContentLoader().Load(content.Root);

        Assert.Equal(["paracetamol-caffeine", "st-johns-wort", new string('x', 200), "hyperiforce"], set.Monographs.Select(m => m.Slug));
        Assert.Equal(3, set.AllDiagnostics.Count(d => d.Code == DiagnosticCodes.SlugNormalized.Code));
        Assert.Contains(set.AllDiagnostics, d => d.Code == DiagnosticCodes.SlugNormalized.Code && d.File == apostrophe);
        Assert.DoesNotContain(set.AllDiagnostics, d => d.Code == DiagnosticCodes.BrokenLink.Code);
        Assert.Equal(["hyperiforce"], set.LinkingTo(Collection.Composition, "st-johns-wort").Select(m => m.Slug));
    }
}
