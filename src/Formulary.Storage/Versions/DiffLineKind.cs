namespace Formulary.Storage.Versions;

public enum DiffLineKind
{
    Unchanged,
    Added,
    Removed,
}
