namespace Formulary.Monographs.Diagnostics;

/// <summary>
/// Every diagnostic the monograph engine reports: one place, stable codes. A code is never reused
/// for another meaning; a test keeps the codes unique. 00x reading, 01x front-matter structure,
/// 02x front-matter schema, 03x content, 04x across documents, 05x contradictions between sections.
/// </summary>
public static class DiagnosticCodes
{
    private const DiagnosticSeverity Error = DiagnosticSeverity.Error;
    private const DiagnosticSeverity Warning = DiagnosticSeverity.Warning;
    private const DiagnosticSeverity Info = DiagnosticSeverity.Info;

    public static DiagnosticDescriptor FileTooLarge { get; } = new("MONO001", Error, "The file is larger than the parser accepts; it was not read.");
    public static DiagnosticDescriptor BinaryFile { get; } = new("MONO002", Error, "The file holds NUL bytes: it is binary, not Markdown; it was not read.");
    public static DiagnosticDescriptor InvalidUtf8 { get; } = new("MONO003", Error, "The file is not valid UTF-8; invalid bytes were read as U+FFFD.");
    public static DiagnosticDescriptor EmptyFile { get; } = new("MONO004", Error, "The file is empty or holds only white space.");
    public static DiagnosticDescriptor UnreadableFile { get; } = new("MONO005", Error, "The file could not be read from disk.");
    public static DiagnosticDescriptor SlugNormalized { get; } = new("MONO006", Warning, "The file name is not usable in a URL; the document is published under a normalized slug.");
    public static DiagnosticDescriptor OutsideContentFolder { get; } = new("MONO007", Error, "A symbolic link resolves outside the content folder; it was not read.");
    public static DiagnosticDescriptor NotRegularFile { get; } = new("MONO008", Error, "A special file (FIFO, device, socket) or a folder named like a monograph; it was not read.");
    public static DiagnosticDescriptor NotUtf8Encoding { get; } = new("MONO009", Error, "The file is UTF-16 or UTF-32 text (a byte-order mark says so), not UTF-8; it was not read.");

    public static DiagnosticDescriptor NoFrontMatter { get; } = new("MONO010", Warning, "The file does not start with a '---' front-matter block.");
    public static DiagnosticDescriptor UnterminatedFrontMatter { get; } = new("MONO011", Error, "The front matter has no closing '---' line; the file was not read further.");
    public static DiagnosticDescriptor YamlSyntax { get; } = new("MONO012", Error, "The front matter is not valid YAML.");
    public static DiagnosticDescriptor YamlTooComplex { get; } = new("MONO013", Error, "The front matter nests or expands aliases beyond the parser's limits.");
    public static DiagnosticDescriptor FrontMatterNotMapping { get; } = new("MONO014", Error, "The front matter is not a YAML mapping of keys to values.");
    public static DiagnosticDescriptor UnknownFrontMatterKey { get; } = new("MONO015", Info, "A front-matter key this collection does not use; it is ignored.");

    public static DiagnosticDescriptor TitleMissing { get; } = new("MONO020", Error, "The front matter has no 'title'.");
    public static DiagnosticDescriptor IsBannedNotBoolean { get; } = new("MONO021", Error, "'is_banned' is not the boolean true or false.");
    public static DiagnosticDescriptor LastModifiedNotIso8601 { get; } = new("MONO022", Error, "'lastModified' is not an ISO-8601 date or date-time.");
    public static DiagnosticDescriptor MrpNotNumber { get; } = new("MONO023", Error, "'mrp' is not a non-negative number.");
    public static DiagnosticDescriptor MedicineTypeInvalid { get; } = new("MONO024", Error, "A medicine's 'type' is neither 'single' nor 'combination'.");
    public static DiagnosticDescriptor GenericSlugMissing { get; } = new("MONO025", Error, "A single-ingredient medicine has no 'generic_slug'.");
    public static DiagnosticDescriptor CombinationSlugMissing { get; } = new("MONO026", Error, "A combination medicine has no 'combination_slug'.");
    public static DiagnosticDescriptor MedicineLinkMismatch { get; } = new("MONO027", Warning, "A medicine sets the link field of the other type; it is ignored.");
    public static DiagnosticDescriptor FieldWrongShape { get; } = new("MONO028", Error, "A front-matter field has the wrong shape (e.g. a list where text is expected).");
    public static DiagnosticDescriptor FaqEntryIncomplete { get; } = new("MONO029", Warning, "A front-matter FAQ entry lacks its question or answer.");

    public static DiagnosticDescriptor BrokenFaqRepaired { get; } = new("MONO030", Warning, "A front-matter FAQ was stored broken (answer pasted into the question, 'A:**' prefix) and was repaired.");
    public static DiagnosticDescriptor DescriptionTruncated { get; } = new("MONO031", Warning, "The description is cut off and ends with '...'; a full one was derived from Usage.");
    public static DiagnosticDescriptor EmptyBody { get; } = new("MONO032", Warning, "The document has no body text after the front matter.");
    public static DiagnosticDescriptor MissingStandardSection { get; } = new("MONO033", Warning, "A standard section of the collection is missing.");
    public static DiagnosticDescriptor InlineHtml { get; } = new("MONO034", Warning, "The Markdown holds raw HTML; it will be sanitized when rendered.");
    public static DiagnosticDescriptor MarkdownTooDeep { get; } = new("MONO035", Error, "The Markdown (blocks, brackets, emphasis or raw HTML elements) nests deeper than the parser accepts; the body was not read.");
    public static DiagnosticDescriptor DescriptionEmpty { get; } = new("MONO036", Info, "The description is empty; one was derived from Usage.");
    public static DiagnosticDescriptor MarkdownTooCostly { get; } = new("MONO037", Error, "The Markdown holds what would take the parser or the sanitizer too long (unclosed link destinations, too many raw HTML tags); the body was not read.");
    public static DiagnosticDescriptor UnclosedHtml { get; } = new("MONO038", Warning, "An HTML comment or raw-text element (script, style, textarea…) is never closed; it hides the text after it.");
    public static DiagnosticDescriptor UnclosedHtmlHidesSections { get; } = new("MONO039", Error, "An HTML comment or raw-text element is never closed and hides section headings after it.");

    public static DiagnosticDescriptor BrokenLink { get; } = new("MONO040", Error, "A brand or combination points to a slug that does not exist.");
    public static DiagnosticDescriptor DuplicateSlug { get; } = new("MONO041", Error, "Two files in one collection have the same slug.");
    public static DiagnosticDescriptor CombinationPartUnmatched { get; } = new("MONO042", Warning, "A combination without 'ingredients:' names a part that matches no composition.");
    public static DiagnosticDescriptor OutsideCollections { get; } = new("MONO043", Warning, "A Markdown file of a content folder is outside its collection folders (compositions, combinations, medicines); it is not published.");

    public static DiagnosticDescriptor ContraindicationContradiction { get; } = new("MONO050", Warning, "Sections disagree about what is contraindicated.");

    // RULExxx: a *.rules.yaml beside a monograph (src/Formulary.Monographs/Rules; docs/decisions/0002-clinical-engine.md).
    public static DiagnosticDescriptor RuleQuoteStale { get; } = new("RULE001", Error, "A rule's quoted sentence is no longer in the cited monograph section: the rule is stale.");
    public static DiagnosticDescriptor RuleSectionNotFound { get; } = new("RULE002", Error, "A rule cites a monograph section that does not exist.");
    public static DiagnosticDescriptor RuleFileUnreadable { get; } = new("RULE003", Error, "The rules file could not be read as a YAML mapping (syntax, binary, size or nesting limits).");
    public static DiagnosticDescriptor RuleInvalid { get; } = new("RULE004", Error, "A rules-file field is missing or has an invalid value.");
    public static DiagnosticDescriptor RuleMonographMissing { get; } = new("RULE005", Error, "There is no monograph beside the rules file to verify its citations against.");
    public static DiagnosticDescriptor RuleUnknownInteractionClass { get; } = new("RULE006", Error, "A rule names an interaction class the interaction catalog does not know.");
    public static DiagnosticDescriptor RuleUnknownKey { get; } = new("RULE007", Warning, "A rules-file key the schema does not know; it is ignored.");
    public static DiagnosticDescriptor RuleNumberNotInQuote { get; } = new("RULE008", Error, "A number in a rule does not appear in the sentence it quotes.");
    public static DiagnosticDescriptor RuleDraft { get; } = new("RULE009", Info, "The rules are a machine-read draft no editor has reviewed; the calculator does not use them.");

    /// <summary>Every descriptor, in code order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        FileTooLarge, BinaryFile, InvalidUtf8, EmptyFile, UnreadableFile, SlugNormalized, OutsideContentFolder, NotRegularFile, NotUtf8Encoding,
        NoFrontMatter, UnterminatedFrontMatter, YamlSyntax, YamlTooComplex, FrontMatterNotMapping, UnknownFrontMatterKey,
        TitleMissing, IsBannedNotBoolean, LastModifiedNotIso8601, MrpNotNumber, MedicineTypeInvalid,
        GenericSlugMissing, CombinationSlugMissing, MedicineLinkMismatch, FieldWrongShape, FaqEntryIncomplete,
        BrokenFaqRepaired, DescriptionTruncated, EmptyBody, MissingStandardSection, InlineHtml, MarkdownTooDeep, DescriptionEmpty,
        MarkdownTooCostly, UnclosedHtml, UnclosedHtmlHidesSections,
        BrokenLink, DuplicateSlug, CombinationPartUnmatched, OutsideCollections,
        ContraindicationContradiction,
        RuleQuoteStale, RuleSectionNotFound, RuleFileUnreadable, RuleInvalid, RuleMonographMissing, RuleUnknownInteractionClass, RuleUnknownKey,
        RuleNumberNotInQuote, RuleDraft,
    ];
}
