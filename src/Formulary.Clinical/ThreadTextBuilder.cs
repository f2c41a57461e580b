using System.Text;

namespace Formulary.Clinical;

/// <summary>
/// One <see cref="StringBuilder"/> kept per thread for text built often on a hot path (a section's plain text at
/// import, a CDS card's detail on every call): a builder grown chunk by chunk to the text's size allocated about twice
/// the text each time. <see cref="Take"/> hands out the thread's builder when it is free (a new one when it is in use,
/// as when a table row's cells are read while the row's builder is), and <see cref="Finish(StringBuilder)"/> gives the
/// text and keeps the builder for the thread's next use, unless an unusual text grew it past <see cref="MaxKeptCapacity"/>.
/// Take and finish in the same synchronous method: the builder belongs to the thread, not to an await.
/// </summary>
public static class ThreadTextBuilder
{
    /// <summary>A builder grown past this is dropped, not kept for the thread.</summary>
    public const int MaxKeptCapacity = 64 * 1024;

    [ThreadStatic]
    private static StringBuilder? kept;

    /// <summary>An empty builder of at least <paramref name="capacity"/> characters: the thread's kept one when it is free.</summary>
    public static StringBuilder Take(int capacity = 16)
    {
        var builder = kept ?? new StringBuilder(capacity);
        kept = null;
        builder.Clear().EnsureCapacity(capacity);
        return builder;
    }

    /// <summary>The builder's text; the builder is kept for the thread's next <see cref="Take"/>.</summary>
    public static string Finish(StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return Finish(builder, 0, builder.Length);
    }

    /// <summary>The builder's text from <paramref name="start"/>, <paramref name="length"/> characters; the builder is kept as above.</summary>
    public static string Finish(StringBuilder builder, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var text = builder.ToString(start, length);
        if (builder.Capacity <= MaxKeptCapacity)
        {
            builder.Clear();
            kept = builder;
        }

        return text;
    }
}
