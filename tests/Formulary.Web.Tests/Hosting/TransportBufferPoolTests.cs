using System.Net;
using System.Text;
using Formulary.Web.Hosting;
using Microsoft.AspNetCore.Connections;

namespace Formulary.Web.Tests.Hosting;

/// <summary>Kestrel's connection buffers in 16 KB blocks (<see cref="TransportBufferPool"/>), and the site reading through them.</summary>
public sealed class TransportBufferPoolTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public void Rent_GivesA16KbBlock_AndTheSameBlockAgainOnceGivenBack()
    {
        using var pool = new TransportBufferPool();

        var first = pool.Rent();
        Assert.Equal(16 * 1024, first.Memory.Length);
        Assert.Equal(16 * 1024, pool.MaxBufferSize);
        first.Memory.Span[0] = 42;
        first.Dispose();
        using var second = pool.Rent(4096);

        Assert.Same(first, second);
        Assert.Equal(42, second.Memory.Span[0]);
    }

    [Fact]
    public void Dispose_Twice_GivesTheBlockBackOnce()
    {
        using var pool = new TransportBufferPool();
        var block = pool.Rent();

        block.Dispose();
        block.Dispose();

        // Given back twice, one block would be handed to two connections at once.
        Assert.Equal(1, pool.FreeBlocks);
        using var first = pool.Rent();
        using var second = pool.Rent();
        Assert.NotSame(first, second);
    }

    [Fact]
    public void GivenBack_PastTheIdleLimit_KeepsOnlyTheLimit()
    {
        using var pool = new TransportBufferPool();
        var blocks = Enumerable.Range(0, TransportBufferPool.MaxFreeBlocks + 40).Select(_ => pool.Rent()).ToList();

        foreach (var block in blocks)
        {
            block.Dispose();
        }

        Assert.Equal(TransportBufferPool.MaxFreeBlocks, pool.FreeBlocks);
    }

    [Fact]
    public void Rent_MoreThanABlock_Refused()
    {
        using var pool = new TransportBufferPool();

        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(TransportBufferPool.BlockSize + 1));
    }

    [Fact]
    public void Disposed_Rent_RefusedAndABlockGivenBackLaterIsNotKept()
    {
        var pool = new TransportBufferPool();
        var block = pool.Rent();

        pool.Dispose();
        block.Dispose();

        Assert.Equal(0, pool.FreeBlocks);
        Assert.Throws<ObjectDisposedException>(() => pool.Rent());
    }

    [Fact]
    public async Task Site_ReadsARequestOfManyBlocks_AsItReadsAShortOne()
    {
        const string Request = Api.DoseApiTests.TenYearOld;
        // The same request with 120 KB of white space between its members: seven blocks or more on the socket.
        var spread = Request.Replace(",", "," + new string(' ', 20_000), StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(spread) > 6 * TransportBufferPool.BlockSize);

        var (shortStatus, shortAnswer) = await PostAsync(Request);
        var (spreadStatus, spreadAnswer) = await PostAsync(spread);

        Assert.Equal(HttpStatusCode.OK, shortStatus);
        Assert.Equal(HttpStatusCode.OK, spreadStatus);
        Assert.Contains("\"dosePerDayMg\":57.7", shortAnswer, StringComparison.Ordinal);
        Assert.Equal(shortAnswer, spreadAnswer);
        var factory = Assert.IsType<TransportBufferPoolFactory>(site.Services.GetRequiredService<IMemoryPoolFactory<byte>>());
        Assert.True(factory.Created > 0, "Kestrel took its pools from the factory");
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await site.Client.PostAsync(new Uri("/api/dose", UriKind.Relative), content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
