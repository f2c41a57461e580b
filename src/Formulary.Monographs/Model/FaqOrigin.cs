namespace Formulary.Monographs.Model;

public enum FaqOrigin
{
    FrontMatter,
    Body,
    FrontMatterAndBody,
}
