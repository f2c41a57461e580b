namespace Formulary.Web.Fhir.Subset;

/// <summary>Which elements of one JSON object have been read, by their place in the reader's list: a repeat declines.</summary>
internal struct Seen
{
    private int bits;

    public readonly bool Any => bits != 0;

    /// <summary>Whether an element other than <paramref name="index"/> was read: a resource's own <c>resourceType</c> is no content.</summary>
    public readonly bool AnyBesides(int index) => (bits & ~(1 << index)) != 0;

    /// <summary>True the first time element <paramref name="index"/> is met in this object, false when it repeats.</summary>
    public bool First(int index)
    {
        var bit = 1 << index;
        if ((bits & bit) != 0)
        {
            return false;
        }

        bits |= bit;
        return true;
    }
}
