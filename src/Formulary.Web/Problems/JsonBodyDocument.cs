using System.Buffers;
using System.Text.Json;

namespace Formulary.Web.Problems;

/// <summary>
/// A JSON request body parsed into a document over a pooled copy of its bytes (<see cref="JsonBody.ReadAsync"/>), with no
/// property named twice in any of its objects;
/// disposing it gives both back. The document reads those bytes for as long as it lives, so they are returned
/// only after it is disposed, and an element read after that throws as any disposed document's does.
/// </summary>
internal sealed class JsonBodyDocument(JsonDocument document, byte[] bytes) : IDisposable
{
    private byte[]? _bytes = bytes;

    public JsonElement RootElement => document.RootElement;

    public void Dispose()
    {
        document.Dispose();
        if (Interlocked.Exchange(ref _bytes, null) is { } rented)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
