using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// The 200 answer of a service call, written by <see cref="CdsAnswerJson"/>: the same bytes as <see cref="CdsJson.Options"/>
/// would give (the relaxed encoder set on the writer applies to the values alike; property names are ASCII either way). The answer is serialized into pooled memory first and sent with its <c>Content-Length</c> in one write:
/// written straight into the body and flushed, it went out chunked, its end as a second write (the response
/// compression middleware still compresses it, and then drops the length, when the client asks for an encoding).
/// </summary>
internal sealed class CdsAnswer(CdsResponse response) : IResult
{
    /// <summary>How the answer is written: the relaxed encoder, as <see cref="CdsJson.Options"/>.</summary>
    internal static readonly JsonWriterOptions Writing = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var http = httpContext.Response;
        using var json = new RentedBufferWriter();
        using (var writer = new Utf8JsonWriter(json, Writing))
        {
            CdsAnswerJson.Write(writer, response);
        }

        http.StatusCode = StatusCodes.Status200OK;
        http.ContentType = "application/json; charset=utf-8";
        http.ContentLength = json.Written.Length;
        await http.Body.WriteAsync(json.Written, httpContext.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>An <see cref="IBufferWriter{T}"/> over one array rented from the shared pool, grown by renting a larger one.</summary>
    private sealed class RentedBufferWriter : IBufferWriter<byte>, IDisposable
    {
        private byte[] buffer = ArrayPool<byte>.Shared.Rent(32 * 1024);
        private int written;

        public ReadOnlyMemory<byte> Written => buffer.AsMemory(0, written);

        public void Advance(int count)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(count, buffer.Length - written);
            written += count;
        }

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Reserve(sizeHint);
            return buffer.AsMemory(written);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Reserve(sizeHint);
            return buffer.AsSpan(written);
        }

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
        }

        /// <summary>Makes room for at least <paramref name="sizeHint"/> bytes (one when zero) after those written, in a larger array when needed.</summary>
        private void Reserve(int sizeHint)
        {
            var needed = written + Math.Max(sizeHint, 1);
            if (needed > buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, checked(buffer.Length * 2)));
                buffer.AsSpan(0, written).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
        }
    }
}
