namespace Formulary.Monographs.Loading;

/// <summary>The stamps of a document's files: its Markdown and, when it has one, its <c>*.rules.yaml</c> (null: none).</summary>
public sealed record SourceStamp(FileStamp Markdown, FileStamp? Rules);
