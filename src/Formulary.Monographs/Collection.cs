namespace Formulary.Monographs;

/// <summary>The three content collections; each is one folder of Markdown files.</summary>
public enum Collection
{
    Composition,
    Combination,
    Medicine,
}
