using Formulary.Monographs.Model;

namespace Formulary.Monographs.Tests.Parsing;

public sealed class SeedParsingTests
{
    private static readonly Monograph Seed = Parse.Seed();

    [Fact]
    public void Seed_FrontMatter_ReadsTypedFields()
    {
        Assert.Equal("Clofarabine", Seed.Title);
        Assert.Equal("clofarabine", Seed.Slug);
        Assert.False(Seed.FrontMatter.IsBanned);
        Assert.Equal(new DateTimeOffset(2025, 9, 22, 17, 21, 52, 632, TimeSpan.Zero), Seed.FrontMatter.LastModified);
        Assert.Equal(9, Seed.FrontMatter.Faqs.Count);
        Assert.Equal(101, Seed.BodyStartLine);
    }

    [Fact]
    public void Seed_Sections_TopLevelInDocumentOrderWithKeys()
    {
        Assert.Equal(
            ["usage", "alternate-names", "how-it-works", "dosage", "side-effects", "contraindications", "drug-interactions",
             "pregnancy-and-breastfeeding", "drug-profile-summary", "popular-combinations", "precautions", "faqs"],
            Seed.Sections.Select(s => s.Key));
        var usage = Seed.Sections[0];
        Assert.Equal("Usage", usage.Title);
        Assert.Equal("## **Usage**", usage.OriginalHeading);
        Assert.Equal(101, usage.Line);
        Assert.StartsWith("Clofarabine is prescribed for the treatment of pediatric patients", usage.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_HeadingWithTextOnSameLine_KeepsTextInSection()
    {
        var dosage = Seed.Sections.Single(s => s.Key == "dosage");
        var standard = Assert.Single(dosage.Children, s => s.Key == "standard-dosage");
        Assert.Equal(["adults", "children", "special-cases"], standard.Children.Select(c => c.Key));
        var adults = standard.Children[0];
        Assert.Equal("Adults", adults.Title);
        Assert.Equal(127, adults.Line);
        Assert.StartsWith("Clofarabine is not FDA-approved for adults over 21 with ALL.", adults.PlainText, StringComparison.Ordinal);
        Assert.StartsWith("Clofarabine is not FDA-approved", adults.Markdown, StringComparison.Ordinal);
        var children = standard.Children[1];
        Assert.Equal("Children (1-21 years)", children.Title);
        Assert.Contains("52 mg/m²", children.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_Faqs_RepairedMatchedAndShownOnce()
    {
        Assert.Equal(9, Seed.Faqs.Count);
        var first = Seed.Faqs[0];
        Assert.Equal(1, first.Number);
        Assert.Equal("What is the recommended dosage for Clofarabine in children with relapsed or refractory ALL?", first.Question);
        Assert.StartsWith("52 mg/m² IV infusion over 2 hours daily", first.Answer, StringComparison.Ordinal);
        Assert.True(first.WasRepaired);
        Assert.Equal(FaqOrigin.FrontMatterAndBody, first.Origin);
        Assert.Equal(12, first.Line);
        Assert.Equal(204, first.BodyLine);
        Assert.All(Seed.Faqs, f => Assert.Equal(FaqOrigin.FrontMatterAndBody, f.Origin));
        Assert.Equal(Enumerable.Range(1, 9), Seed.Faqs.Select(f => f.Number));
        Assert.Equal(232, Seed.Faqs[7].BodyLine);
        Assert.DoesNotContain(Seed.Faqs, f => f.Question.Contains("**", StringComparison.Ordinal) || f.Answer.StartsWith("A:", StringComparison.Ordinal));
    }

    [Fact]
    public void Seed_Description_TruncatedDetectedAndFullDerivedFromUsage()
    {
        Assert.True(Seed.Description.IsTruncated);
        Assert.EndsWith("Clofarabine works\nb...", Seed.Description.Original.Replace(" b...", "\nb...", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.EndsWith("Clofarabine works by disrupting DNA synthesis and repair, leading to cancer cell death.", Seed.Description.Full, StringComparison.Ordinal);
        Assert.StartsWith("Clofarabine is prescribed for the treatment of pediatric patients 1 to 21 years old", Seed.Description.Full, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_AlternateNames_InnAndBrandsWithoutRegisteredMark()
    {
        Assert.Equal(["clofarabine", "Clolar", "Evoltra"], Seed.AlternateNames);
    }

    [Fact]
    public void Seed_ContentHash_IsSha256OfBytes()
    {
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(RepoPaths.Seed)));
        Assert.Equal(expected, Seed.ContentHash);
    }
}
