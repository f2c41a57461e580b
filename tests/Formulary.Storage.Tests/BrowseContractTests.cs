using Formulary.Monographs;
using Formulary.Monographs.Diagnostics;
using Formulary.Monographs.Model;
using Formulary.Storage.Browsing;
using Formulary.Storage.Importing;
using static Formulary.Storage.Tests.TestMonographs;

namespace Formulary.Storage.Tests;

/// <summary>
/// The A–Z listing and recent changes every store must give alike: run against SQLite and PostgreSQL
/// by the subclasses.
/// </summary>
public abstract class BrowseContractTests : StoreTests
{
    [SkippableFact]
    public async Task Browse_Letter_OrdersByFoldedTitleIgnoringCaseAndAccents()
    {
        // Code-point order of the raw titles would put "Cisplatin" before "carboplatin" and "Etoposide"
        // before "Éthambutol"; folded, both pairs swap.
        await Store.ImportAsync(
        [
            Composition("cisplatin", "Cisplatin", "x"), Composition("carboplatin", "carboplatin", "x"),
            Composition("etoposide", "Etoposide", "x"), Composition("ethambutol", "Éthambutol", "x"),
            Composition("cytarabine", "Cytarabine", "x"),
        ], ImportOptions.WholeContentSet);

        var c = await Store.BrowseAsync(Collection.Composition, "c", 0, 10);
        var e = await Store.BrowseAsync(Collection.Composition, "e", 0, 10);

        Assert.Equal(["carboplatin", "cisplatin", "cytarabine"], c.Select(s => s.Slug));
        Assert.Equal(["ethambutol", "etoposide"], e.Select(s => s.Slug));
        Assert.Equal("Éthambutol", e[0].Title);
    }

    [SkippableFact]
    public async Task Browse_TitlesNotStartingWithALetter_AreUnderOther()
    {
        await Store.ImportAsync(
        [
            Composition("5-fluorouracil", "5-Fluorouracil", "x"), Composition("alpha", "(R)-Alpha", "x"), Composition("amikacin", "Amikacin", "x"),
        ], ImportOptions.WholeContentSet);

        var other = await Store.BrowseAsync(Collection.Composition, BrowseLetter.Other, 0, 10);
        var a = await Store.BrowseAsync(Collection.Composition, "a", 0, 10);

        // Folding drops the parenthesis and the hyphen: "(R)-Alpha" files under R, not under 0-9.
        Assert.Equal(["5-fluorouracil"], other.Select(s => s.Slug));
        Assert.Equal(["amikacin"], a.Select(s => s.Slug));
        Assert.Equal(["alpha"], (await Store.BrowseAsync(Collection.Composition, "r", 0, 10)).Select(s => s.Slug));
    }

    [SkippableFact]
    public async Task Browse_Pages_AreConsecutiveSlicesWithSameTitlesOrderedBySlug()
    {
        // Five documents titled alike: the slug decides, so pages never repeat or skip one.
        await Store.ImportAsync([.. new[] { "m-5", "m-1", "m-4", "m-2", "m-3" }.Select(slug => Composition(slug, "Morphine", "x"))], ImportOptions.WholeContentSet);

        var first = await Store.BrowseAsync(Collection.Composition, "m", 0, 2);
        var second = await Store.BrowseAsync(Collection.Composition, "m", 2, 2);
        var third = await Store.BrowseAsync(Collection.Composition, "m", 4, 2);
        var past = await Store.BrowseAsync(Collection.Composition, "m", 6, 2);

        Assert.Equal(["m-1", "m-2", "m-3", "m-4", "m-5"], first.Concat(second).Concat(third).Select(s => s.Slug));
        Assert.Empty(past);
    }

    [SkippableFact]
    public async Task CountByLetter_CountsLiveDocumentsPerCollectionAndLetter()
    {
        await Store.ImportAsync(
        [
            Composition("clofarabine", "Clofarabine", "x"), Composition("cytarabine", "cytarabine", "x"), Composition("evoltra", "Évoltra", "x"),
            Composition("gone", "Gone", "x"),
            Combination("clofarabine-cytarabine", "Clofarabine + Cytarabine", "x", "clofarabine", "cytarabine"),
            Brand("clolar-20", "Clolar 20 mg", "clofarabine"),
        ], ImportOptions.WholeContentSet);
        // "gone" is deleted at the source; a document whose only version was rejected was never published.
        await Store.ImportAsync(
        [
            Composition("clofarabine", "Clofarabine", "x"), Composition("cytarabine", "cytarabine", "x"), Composition("evoltra", "Évoltra", "x"),
            Combination("clofarabine-cytarabine", "Clofarabine + Cytarabine", "x", "clofarabine", "cytarabine"),
            Brand("clolar-20", "Clolar 20 mg", "clofarabine"),
            Document(Collection.Composition, "broken", "Broken", "x", new FrontMatter { Title = "Broken" }, [],
                [new Diagnostic("MONO012", DiagnosticSeverity.Error, "content/compositions/broken.md", 2, 7, "unclosed quote")]),
        ], ImportOptions.WholeContentSet);

        var counts = await Store.CountByLetterAsync();

        Assert.Equal(
            [
                new LetterCount(Collection.Composition, "c", 2), new LetterCount(Collection.Composition, "e", 1),
                new LetterCount(Collection.Combination, "c", 1), new LetterCount(Collection.Medicine, "c", 1),
            ],
            counts);
        Assert.Empty(await Store.BrowseAsync(Collection.Composition, "g", 0, 10));
        Assert.Empty(await Store.BrowseAsync(Collection.Composition, "b", 0, 10));
    }

    [SkippableFact]
    public async Task Browse_TitleChanged_MovesToItsNewLetter()
    {
        await Store.ImportAsync([Composition("paracetamol", "Paracetamol", "x")], ImportOptions.WholeContentSet);
        await Store.ImportAsync([Composition("paracetamol", "Acetaminophen", "x")], ImportOptions.WholeContentSet);

        Assert.Empty(await Store.BrowseAsync(Collection.Composition, "p", 0, 10));
        var moved = Assert.Single(await Store.BrowseAsync(Collection.Composition, "a", 0, 10));
        Assert.Equal(("paracetamol", "Acetaminophen", 2), (moved.Slug, moved.Title, moved.Version));
    }

    [SkippableFact]
    public async Task ListRecent_NewestImportFirst_EveryVersionOrEachDocumentOnce()
    {
        await Store.ImportAsync([Composition("a", "Alpha", "one"), Composition("b", "Beta", "one"), Composition("c", "Gamma", "one")], ImportOptions.WholeContentSet);
        var first = Time.GetUtcNow();
        Time.Advance(TimeSpan.FromHours(1));
        await Store.ImportAsync([Composition("a", "Alpha", "two"), Composition("b", "Beta", "one")], ImportOptions.WholeContentSet);
        var second = Time.GetUtcNow();

        var every = await Store.ListRecentAsync(10, everyVersion: true);
        var once = await Store.ListRecentAsync(10, everyVersion: false);

        // "c" was removed by the second import: its version is no longer a change anyone can open.
        Assert.Equal(("a", 2, second), (every[0].Slug, every[0].Version, every[0].ImportedAt));
        Assert.Equal([("a", 1, first), ("b", 1, first)], every.Skip(1).Select(r => (r.Slug, r.Version, r.ImportedAt)).Order());
        Assert.Equal(3, every.Count);
        Assert.Equal(("a", 2), (once[0].Slug, once[0].Version));
        Assert.Equal(("b", 1, "Beta"), (once[1].Slug, once[1].Version, once[1].Title));
        Assert.Equal(2, once.Count);
        Assert.Single(await Store.ListRecentAsync(1, everyVersion: true));
    }

    [SkippableFact]
    public async Task ListRecent_RejectedVersion_IsNotAChange()
    {
        await Store.ImportAsync([Composition("a", "Alpha", "one")], ImportOptions.WholeContentSet);
        Time.Advance(TimeSpan.FromHours(1));
        await Store.ImportAsync(
            [Document(Collection.Composition, "a", "Alpha", "broken", new FrontMatter { Title = "Alpha" }, [],
                [new Diagnostic("MONO012", DiagnosticSeverity.Error, "content/compositions/a.md", 2, 7, "unclosed quote")])],
            ImportOptions.WholeContentSet);

        var recent = Assert.Single(await Store.ListRecentAsync(10, everyVersion: true));

        Assert.Equal(1, recent.Version);
    }

    [SkippableTheory]
    [InlineData("A", 0, 10)]
    [InlineData("ab", 0, 10)]
    [InlineData("", 0, 10)]
    [InlineData("a", -1, 10)]
    [InlineData("a", 0, 0)]
    [InlineData("a", 0, BrowseLimits.MaxLimit + 1)]
    public async Task Browse_OutOfRangeArguments_AreRefused(string letter, int offset, int limit) =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.BrowseAsync(Collection.Composition, letter, offset, limit));
}
