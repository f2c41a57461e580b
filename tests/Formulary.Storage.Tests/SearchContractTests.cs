using System.Text;
using Formulary.Monographs;
using Formulary.Monographs.Parsing;
using Formulary.Storage.Importing;
using Formulary.Storage.Relational;
using Formulary.Storage.Search;
using Microsoft.Extensions.Time.Testing;
using static Formulary.Storage.Tests.TestMonographs;

namespace Formulary.Storage.Tests;

/// <summary>Search behaviour every store must have, on a small corpus built around the seed's names.</summary>
public abstract class SearchContractTests : IAsyncLifetime
{
    private static readonly ImportDocument[] Corpus =
    [
        Composition(
            "clofarabine", "Clofarabine",
            "## Usage\nClofarabine is prescribed for relapsed or refractory acute lymphoblastic leukemia.\n"
            + "## Alternate Names\nThe International Nonproprietary Name (INN) is clofarabine. A popular brand name is Clolar®. Evoltra® is another brand name used internationally.\n"
            + "## Side Effects\nNausea, vomiting and common infections.",
            "clofarabine", "Clolar", "Evoltra"),
        Composition(
            "cytarabine", "Cytarabine",
            "## Usage\nCytarabine treats AML. Unlike clofarabine, clofarabine, clofarabine and clofarabine regimens, it is given by many routes. Common nausea."),
        Composition("clofazimine", "Clofazimine", "## Usage\nClofazimine treats leprosy. Common skin discoloration."),
        Composition("fludarabine", "Fludarabine", "## Usage\nFludarabine is a purine analog like clofarabine. <script>alert(1)</script> & more. Common."),
        Combination(
            "clofarabine-cytarabine", "Clofarabine + Cytarabine",
            "## Usage\nThe combination of clofarabine and cytarabine in AML. Common.", "clofarabine", "cytarabine"),
        Brand("clofarex-20", "Clofarex 20 mg Injection", "clofarabine", "## Usage\nClofarex contains clofarabine. Common."),
        Brand("clolar-20", "Clolar 20 mg Injection", "clofarabine", "## Usage\nClolar contains clofarabine 20 mg. Common."),
    ];

    /// <summary>The store's clock: it moves only when a test says, so no search's budget ends by itself.</summary>
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero));

    protected IMonographStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = await CreateStoreAsync(time);
        await Store.ImportAsync(Corpus, ImportOptions.WholeContentSet);
    }

    public async Task DisposeAsync()
    {
        if (Store is not null)
        {
            await Store.DisposeAsync();
        }
    }

    protected abstract Task<IMonographStore> CreateStoreAsync(TimeProvider time);

    [SkippableTheory]
    [InlineData("Clolar")]
    [InlineData("evoltra")]
    [InlineData("clofarabin")]
    [InlineData("CLOFARABINE")]
    [InlineData("clofar")]
    [InlineData("Clofarex")]
    [InlineData("évoltra")]
    [InlineData("Clolar®")]
    public async Task Search_GenericBrandOrAlternateName_FindsClofarabineFirst(string query)
    {
        var results = await Store.SearchAsync(query, 10, 0);

        Assert.NotEmpty(results.Hits);
        Assert.Equal((Collection.Composition, "clofarabine"), (results.Hits[0].Collection, results.Hits[0].Slug));
        Assert.Null(results.DidYouMean);
    }

    [SkippableTheory]
    [InlineData("klofarabine", "clofarabine")]
    [InlineData("clofarabene", "clofarabine")]
    [InlineData("evoltro", "evoltra")]
    [InlineData("clofarabene leukemia", "clofarabine leukemia")]
    public async Task Search_Misspelling_AnswersWithTheCorrectedResults(string query, string correction)
    {
        var results = await Store.SearchAsync(query, 10, 0);

        Assert.Equal((correction, query, null), (results.Query, results.CorrectedFrom, results.DidYouMean));
        Assert.Equal("clofarabine", results.Hits[0].Slug);
        Assert.Equal((await Store.SearchAsync(correction, 10, 0)).Total, results.Total);
    }

    [SkippableTheory]
    [InlineData("klofarabine", "clofarabine")]
    [InlineData("clofarabene leukemia", "clofarabine leukemia")]
    public async Task Search_MisspellingWithCorrectionOff_FindsNothingAndSuggestsName(string query, string suggestion)
    {
        var results = await Store.SearchAsync(new SearchRequest(query) { Correct = false });

        Assert.Equal((0, query, null, suggestion), (results.Total, results.Query, results.CorrectedFrom, results.DidYouMean));
    }

    [SkippableFact]
    public async Task Search_CollectionFilter_ReturnsThatCollectionWithCountsForAll()
    {
        var all = await Store.SearchAsync("common", 10, 0);
        var brands = await Store.SearchAsync(new SearchRequest("common") { Collection = Collection.Medicine });

        Assert.Equal([(Collection.Composition, 4), (Collection.Combination, 1), (Collection.Medicine, 2)], all.Counts.Select(c => (c.Collection, c.Count)));
        Assert.Equal(all.Counts, brands.Counts);
        Assert.Equal(2, brands.Total);
        Assert.Equal(["clofarex-20", "clolar-20"], brands.Hits.Select(h => h.Slug).Order());
    }

    [SkippableFact]
    public async Task Search_CollectionFilterPastItsHits_IsEmptyWithTotals()
    {
        var page = await Store.SearchAsync(new SearchRequest("common") { Collection = Collection.Combination, Limit = 1, Offset = 1 });

        Assert.Empty(page.Hits);
        Assert.Equal(1, page.Total);
        Assert.Equal(7, page.Counts.Sum(c => c.Count));
    }

    [SkippableTheory]
    [InlineData("fluorouracil")]
    [InlineData("FLUOROURACIL")]
    [InlineData("fluorouracíl")]
    public async Task Search_QueryEqualToATitle_RanksThatMonographFirst(string query)
    {
        // The cream says the word three times in a short text, so bm25 alone puts it first.
        await Store.ImportAsync(
            [.. Corpus,
             Composition("fluorouracil-cream", "Fluorouracil Cream", "## Usage\nFluorouracil cream: fluorouracil, fluorouracil."),
             Composition("fluorouracil", "Fluorouracil", "## Usage\nAn antimetabolite given by infusion for several solid tumours of the bowel and breast.")],
            ImportOptions.WholeContentSet);

        var results = await Store.SearchAsync(query, 10, 0);

        Assert.Equal(["fluorouracil", "fluorouracil-cream"], results.Hits.Select(h => h.Slug));
    }

    [SkippableTheory]
    [InlineData("cytarabine clofarabine")]
    [InlineData("Clofarabine and Cytarabine")]
    public async Task Search_AllIngredientsOfACombination_RanksTheCombinationFirst(string query)
    {
        var results = await Store.SearchAsync(query, 10, 0);

        Assert.Equal((Collection.Combination, "clofarabine-cytarabine"), (results.Hits[0].Collection, results.Hits[0].Slug));
    }

    [SkippableFact]
    public async Task Suggest_TwoLetters_OffersGenericsAndBrandsThatOpenTheirGeneric()
    {
        var suggestions = await Store.SuggestAsync("cl", 20);

        Assert.Equal(new SearchSuggestion("Clofarabine", "Clofarabine", Collection.Composition, "clofarabine"), suggestions[0]);
        Assert.Contains(new SearchSuggestion("Clolar", "Clofarabine", Collection.Composition, "clofarabine"), suggestions);
        Assert.Contains(new SearchSuggestion("Clofazimine", "Clofazimine", Collection.Composition, "clofazimine"), suggestions);
        Assert.Equal(suggestions.Count, suggestions.Select(s => s.Name.ToUpperInvariant()).Distinct().Count());
    }

    [SkippableTheory]
    [InlineData("évol", "Evoltra")]
    [InlineData("EVOL", "Evoltra")]
    [InlineData("cytarabine", "Cytarabine")]
    public async Task Suggest_IgnoresCaseAndAccents(string typed, string name)
    {
        var suggestions = await Store.SuggestAsync(typed, 8);

        Assert.Equal(name, suggestions[0].Name);
    }

    [SkippableFact]
    public async Task Suggest_LaterWordOfACombination_OffersTheCombinationAfterWholeNames()
    {
        var suggestions = await Store.SuggestAsync("cytar", 8);

        Assert.Equal(["Cytarabine", "Clofarabine + Cytarabine"], suggestions.Select(s => s.Name));
        Assert.Equal((Collection.Combination, "clofarabine-cytarabine"), (suggestions[1].Collection, suggestions[1].Slug));
    }

    [SkippableTheory]
    [InlineData("")]
    [InlineData("c")]
    [InlineData("  é  ")]
    [InlineData("\"*")]
    public async Task Suggest_UnderTwoLetters_IsEmpty(string typed)
    {
        Assert.Empty(await Store.SuggestAsync(typed, 8));
    }

    [SkippableFact]
    public async Task Suggest_RemovedBrand_IsNoLongerOffered()
    {
        await Store.ImportAsync(Corpus.Where(d => d.Monograph.Slug != "clolar-20").ToList(), ImportOptions.WholeContentSet);

        Assert.DoesNotContain(await Store.SuggestAsync("clol", 8), s => s.Name.StartsWith("Clolar 20", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData("cl")]
    [InlineData("c")]
    public async Task Search_WordsShorterThanThreeLetters_MatchWholeWordsOnly(string query)
    {
        var results = await Store.SearchAsync(query, 10, 0);

        Assert.Equal(0, results.Total);
    }

    [SkippableFact]
    public async Task Search_LongWordBeforeTheLast_MatchesWholeWordsOnly()
    {
        // issue 12.5: a word longer than the index's prefixes is a prefix only as the last word (the one typed).
        Assert.Contains((await Store.SearchAsync(new SearchRequest("leukemia clofarab") { Correct = false })).Hits, h => h.Slug == "clofarabine");
        Assert.Contains((await Store.SearchAsync(new SearchRequest("clof leukemia") { Correct = false })).Hits, h => h.Slug == "clofarabine");
        Assert.Equal(0, (await Store.SearchAsync(new SearchRequest("clofarab leukemia") { Correct = false })).Total);
        Assert.Contains((await Store.SearchAsync(new SearchRequest("clofarabine leukemia") { Correct = false })).Hits, h => h.Slug == "clofarabine");
    }

    [SkippableFact]
    public async Task Search_OneLetterWordsAttack_AnswersWithoutTimingOut()
    {
        // issue 12: one-letter prefixes times snippets once cost 21.7 s of CPU for this query.
        await Store.SearchAsync("warm the search path up", 10, 0);
        var results = await Store.SearchAsync("t a o i n s h r d l c u", 100, 0);

        Assert.False(results.TimedOut);
        Assert.Equal(0, results.Total);
    }

    [SkippableFact]
    public async Task Search_LessThanTheStartReserveLeft_AnswersTimedOutWithoutStarting()
    {
        // issue 12.5: a statement starts only while SearchLimits.StartReserve of the budget is left, in both stores.
        // (PostgreSQL's statement_timeout runs on the real clock, so the search that starts gets a whole budget.)
        var arrived = time.GetTimestamp();
        time.Advance(((RelationalStore)Store).SearchBudget - SearchLimits.StartReserve);

        var late = await Store.SearchAsync(new SearchRequest("clofarabine") { Arrived = arrived });
        var inTime = await Store.SearchAsync(new SearchRequest("clofarabine") { Arrived = time.GetTimestamp() });

        Assert.Equal((true, 0, 0), (late.TimedOut, late.Total, late.Hits.Count));
        Assert.Equal((false, "clofarabine"), (inTime.TimedOut, inTime.Hits[0].Slug));
    }

    [SkippableFact]
    public async Task Search_NothingClose_HasNoSuggestion()
    {
        var results = await Store.SearchAsync("zzzzqqqq", 10, 0);

        Assert.Equal(0, results.Total);
        Assert.Null(results.DidYouMean);
    }

    [SkippableFact]
    public async Task Search_Hits_SayTheirCollection()
    {
        var results = await Store.SearchAsync("clolar", 10, 0);

        Assert.Contains(results.Hits, h => (h.Collection, h.Slug) == (Collection.Medicine, "clolar-20"));
        Assert.Equal(results.Hits.Count, results.Total);
    }

    [SkippableFact]
    public async Task Search_Snippet_IsHtmlEscapedWithMarkedMatches()
    {
        var results = await Store.SearchAsync("purine", 10, 0);

        var hit = Assert.Single(results.Hits);
        Assert.Equal("fludarabine", hit.Slug);
        Assert.Contains("<mark>purine</mark>", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.Contains("&amp; more", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.DoesNotContain('<', hit.SnippetHtml.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal));
        Assert.Equal(hit.SnippetHtml.Split("<mark>").Length, hit.SnippetHtml.Split("</mark>").Length);
    }

    [SkippableFact]
    public async Task Search_LimitAndOffset_PageThroughAllHits()
    {
        var first = await Store.SearchAsync("common", 4, 0);
        var second = await Store.SearchAsync("common", 4, 4);

        Assert.Equal(7, first.Total);
        Assert.Equal(4, first.Hits.Count);
        Assert.Equal(3, second.Hits.Count);
        Assert.Empty(first.Hits.Select(h => h.Slug).Intersect(second.Hits.Select(h => h.Slug)));
    }

    /// <summary>
    /// "clofarabine" finds four ranking groups (exact name, the combination naming it, then compositions and brand pages
    /// that only mention it): a page of any size at any offset, straddling groups or not, is that slice of the whole order.
    /// </summary>
    [SkippableTheory]
    [InlineData("clofarabine", null)]
    [InlineData("common", null)]
    [InlineData("clofarabine", Collection.Medicine)]
    public async Task Search_PagesAtEveryOffset_AreSlicesOfTheWholeOrder(string query, Collection? collection)
    {
        var whole = (await Store.SearchAsync(new SearchRequest(query) { Limit = 100, Collection = collection })).Hits.Select(h => (h.Collection, h.Slug)).ToList();

        Assert.True(whole.Count >= 2);
        for (var limit = 1; limit <= 3; limit++)
        {
            for (var offset = 0; offset <= whole.Count; offset++)
            {
                var page = await Store.SearchAsync(new SearchRequest(query) { Limit = limit, Offset = offset, Collection = collection });
                Assert.Equal(whole.Skip(offset).Take(limit), page.Hits.Select(h => (h.Collection, h.Slug)));
            }
        }
    }

    [SkippableTheory]
    [InlineData(0, 0)]
    [InlineData(SearchLimits.MaxLimit + 1, 0)]
    [InlineData(10, -1)]
    [InlineData(10, SearchLimits.MaxOffset + 1)]
    public async Task Search_LimitOrOffsetOutOfRange_Throws(int limit, int offset)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.SearchAsync("clolar", limit, offset));
    }

    [SkippableTheory]
    [InlineData("\"clolar")]
    [InlineData("clolar*")]
    [InlineData("-clolar")]
    [InlineData("^clolar")]
    [InlineData("(((clolar")]
    [InlineData("clolar)")]
    [InlineData("clolar & | ! :* <->")]
    [InlineData("\0clolar\u0002\u0003")]
    [InlineData("+clolar:")]
    public async Task Search_QueryWithSyntaxCharacters_SearchesTheWordsOnly(string query)
    {
        var results = await Store.SearchAsync(query, 10, 0);

        Assert.Equal("clofarabine", results.Hits[0].Slug);
        Assert.Equal((await Store.SearchAsync("clolar", 10, 0)).Total, results.Total);
    }

    [SkippableTheory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("clo*")]
    [InlineData("NEAR(clolar evoltra")]
    [InlineData("NEAR(clolar evoltra, 2)")]
    [InlineData("clolar -evoltra")]
    [InlineData("title:clolar")]
    [InlineData("{title names}: clolar")]
    [InlineData("clolar AND OR NOT")]
    [InlineData("'; DROP TABLE documents; --")]
    [InlineData("\uD800 lone surrogate")]
    public async Task Search_HostileQueryText_NeverThrowsOrChangesTheStore(string query)
    {
        var results = await Store.SearchAsync(query, 10, 0);

        Assert.True(results.Total >= 0);
        Assert.Equal(Corpus.Length, (await Store.ListAsync()).Count);
    }

    [SkippableFact]
    public async Task Search_EmptyQuery_ReturnsNothing()
    {
        var results = await Store.SearchAsync("  \t ", 10, 0);

        Assert.Equal((0, 0, null), (results.Total, results.Hits.Count, results.DidYouMean));
    }

    [SkippableFact]
    public async Task Search_TenKilobyteQuery_IsCutAndAnswered()
    {
        var query = string.Concat(Enumerable.Repeat("clolar ", 1500));

        var results = await Store.SearchAsync(query, 10, 0);

        Assert.Equal("clofarabine", results.Hits[0].Slug);
    }

    [SkippableFact]
    public async Task Search_BrandPageRemoved_ItsNameNoLongerFindsTheComposition()
    {
        await Store.ImportAsync(Corpus.Where(d => d.Monograph.Slug != "clofarex-20").ToList(), ImportOptions.WholeContentSet);

        var results = await Store.SearchAsync("clofarex", 10, 0);

        Assert.Equal(0, results.Total);
    }

    [SkippableFact]
    public async Task Search_ChangedDocument_FindsNewTextNotOld()
    {
        var changed = Corpus.Select(d => d.Monograph.Slug == "clofazimine" ? Composition("clofazimine", "Clofazimine", "## Usage\nHansen disease.") : d).ToList();
        await Store.ImportAsync(changed, ImportOptions.WholeContentSet);

        Assert.Equal(0, (await Store.SearchAsync("leprosy", 10, 0)).Total);
        Assert.Equal("clofazimine", Assert.Single((await Store.SearchAsync("hansen", 10, 0)).Hits).Slug);
    }

    [SkippableFact]
    public async Task Search_MisspellingOfARenamedDrug_IsCorrectedToItsNewNameOnly()
    {
        var renamed = Corpus.Select(d => d.Monograph.Slug == "clofazimine" ? Composition("clofazimine", "Lamprene", "## Usage\nTreats leprosy.") : d).ToList();
        Assert.Equal("clofazimine", (await Store.SearchAsync(new SearchRequest("clofazimime") { Correct = false })).DidYouMean);

        await Store.ImportAsync(renamed, ImportOptions.WholeContentSet);

        var corrected = await Store.SearchAsync("lamprena", 10, 0);
        Assert.Equal(("lamprene", "lamprena", "clofazimine"), (corrected.Query, corrected.CorrectedFrom, corrected.Hits[0].Slug));
        var old = await Store.SearchAsync(new SearchRequest("clofazimime") { Correct = false });
        Assert.Equal((0, null), (old.Total, old.DidYouMean));
    }

    [SkippableFact]
    public async Task Search_MisspellingOfARemovedDrug_IsNotCorrected()
    {
        Assert.Equal("clofazimine", (await Store.SearchAsync(new SearchRequest("clofazimime") { Correct = false })).DidYouMean);

        await Store.ImportAsync(Corpus.Where(d => d.Monograph.Slug != "clofazimine").ToList(), ImportOptions.WholeContentSet);

        var results = await Store.SearchAsync("clofazimime", 10, 0);
        Assert.Equal((0, "clofazimime", null, null), (results.Total, results.Query, results.CorrectedFrom, results.DidYouMean));
        Assert.Equal("clofarabine", (await Store.SearchAsync("klofarabine", 10, 0)).Hits[0].Slug); // the other names stay
    }

    [SkippableFact]
    public async Task Search_BrandTitleOfARemovedBrandPage_IsNoLongerACorrection()
    {
        Assert.Equal("clofarex", (await Store.SearchAsync(new SearchRequest("clofarez") { Correct = false })).DidYouMean);

        await Store.ImportAsync(Corpus.Where(d => d.Monograph.Slug != "clofarex-20").ToList(), ImportOptions.WholeContentSet);

        Assert.Null((await Store.SearchAsync(new SearchRequest("clofarez") { Correct = false })).DidYouMean);
    }

    /// <summary>A monograph with nested sections and the heading shapes real files use, read by the real parser.</summary>
    private static readonly ImportDocument Zorbitol = Parsed(
        "zorbitol",
        """
        ---
        title: Zorbitol
        description: An uricosuric.
        ---
        ## **Usage**
        Zorbitol treats gout flares.
        ## Dosage:
        ### **Standard Dosage**
        #### **Adults:** 40 mg twice daily with meals.
        #### **Children:** 2 mg/kg once daily by slow infusion.
        ## **Contraindications**  (See above sections)
        Severe renal impairment.
        """);

    [SkippableFact]
    public async Task Search_WordInASubsection_LinksToThatSectionWithASnippetOfItsOwnText()
    {
        await Store.ImportAsync([.. Corpus, Zorbitol], ImportOptions.WholeContentSet);

        var hit = Assert.Single((await Store.SearchAsync("infusion", 10, 0)).Hits);

        Assert.Equal(("dosage-standard-dosage-children", "/composition/zorbitol/#dosage-standard-dosage-children"), (hit.Section, hit.Url));
        Assert.Equal("2 mg/kg once daily by slow <mark>infusion</mark>.", hit.SnippetHtml);
    }

    [SkippableTheory]
    [InlineData("adults", "dosage-standard-dosage-adults", "40 mg twice daily with meals.")]
    [InlineData("dosage adults", "dosage-standard-dosage-adults", "40 mg twice daily with meals.")]
    [InlineData("renal", "contraindications", "(See above sections) Severe <mark>renal</mark> impairment.")]
    public async Task Search_WordOfAHeading_LandsOnItsSectionAndShowsNoHeading(string query, string section, string snippet)
    {
        await Store.ImportAsync([.. Corpus, Zorbitol], ImportOptions.WholeContentSet);

        var hit = (await Store.SearchAsync(query, 10, 0)).Hits.Single(h => h.Slug == "zorbitol");

        Assert.Equal((section, snippet), (hit.Section, hit.SnippetHtml));
    }

    [SkippableTheory]
    [InlineData("zorbitol", "/composition/zorbitol/")]
    [InlineData("Clolar", "/composition/clofarabine/")]
    public async Task Search_WordsInTheTitleOrNames_LinkToTheTopOfThePage(string query, string url)
    {
        await Store.ImportAsync([.. Corpus, Zorbitol], ImportOptions.WholeContentSet);

        var hit = (await Store.SearchAsync(query, 10, 0)).Hits[0];

        Assert.Null(hit.Section);
        Assert.Equal(url, hit.Url);
        Assert.Contains("<mark>", hit.SnippetHtml, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Search_Condition_RanksDrugsIndicatedForItAboveDrugsThatOnlyMentionIt()
    {
        // The mentions are short documents that repeat the word (bm25 alone ranks them first); the
        // indicated drugs name it once in Usage among much other text.
        var filler = string.Join(' ', Enumerable.Repeat("It is given by mouth with water after food for several weeks.", 12));
        var mentions = Enumerable.Range(0, 4).Select(i => Composition(
            $"mentioner-{i}", $"Mentioner {i}", $"## Usage\nTreats gout.\n## Contraindications\nXerosis, xerosis with ulcers; severe xerosis; xerosis."));
        var indicated = Enumerable.Range(0, 3).Select(i => Composition(
            $"indicated-{i}", $"Indicated {i}", $"## Usage\nTreats xerosis of the skin. {filler}\n## Contraindications\nHypersensitivity."));
        await Store.ImportAsync([.. Corpus, .. mentions, .. indicated], ImportOptions.WholeContentSet);

        var results = await Store.SearchAsync("xerosis", 10, 0);

        Assert.Equal(7, results.Total);
        Assert.Equal(["indicated-0", "indicated-1", "indicated-2"], results.Hits.Take(3).Select(h => h.Slug).Order());
        Assert.All(results.Hits.Skip(3), h => Assert.StartsWith("mentioner-", h.Slug, StringComparison.Ordinal));
    }

    private static ImportDocument Parsed(string slug, string text) =>
        new(MonographParser.Default.Parse(Collection.Composition, $"compositions/{slug}.md", Encoding.UTF8.GetBytes(text)), text);
}
