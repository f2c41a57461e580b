using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Connections;

namespace Formulary.Web.Hosting;

/// <summary>
/// Kestrel's connection buffers in 16 KB blocks. Kestrel's own pool hands out 4 KB blocks, so a request of more than
/// 4 KB is read from the socket in one receive per block: a CDS Hooks call with its prefetch (4.2 KB for vector
/// <c>01-child</c>, more with more Observations or orders) took four <c>recvfrom</c> calls where one read of the whole body
/// will do (two per call with this pool: the read and the one that finds nothing more), and its answer went out as a
/// <c>sendmsg</c> of several blocks instead of one <c>send</c>; on a small virtual machine each system call is dear
/// (BENCHMARKS.md, issue 11.4, session 20). Kestrel takes its pools from <see cref="IMemoryPoolFactory{T}"/> in the
/// services (the public way to replace them since .NET 10). The blocks are pinned (they are handed to the socket),
/// reused, and at most <see cref="MaxFreeBlocks"/> are kept idle per pool; the rest go to the collector. Like Kestrel's
/// pool, a block's memory is not cleared between uses.
/// </summary>
internal sealed class TransportBufferPool : MemoryPool<byte>
{
    public const int BlockSize = 16 * 1024;

    /// <summary>Idle blocks kept for reuse: 8 MB per pool at most, enough for hundreds of busy connections.</summary>
    public const int MaxFreeBlocks = 512;

    private readonly ConcurrentQueue<Block> free = new();
    private int freeCount;
    private volatile bool disposed;

    public override int MaxBufferSize => BlockSize;

    /// <summary>Idle blocks held now.</summary>
    public int FreeBlocks => Volatile.Read(ref freeCount);

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        // The contract Kestrel's pool keeps: a caller needing more than MaxBufferSize asks elsewhere (the pipes do).
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, BlockSize);
        ObjectDisposedException.ThrowIf(disposed, this);
        if (free.TryDequeue(out var block))
        {
            Interlocked.Decrement(ref freeCount);
            return block.Rent();
        }

        return new Block(this).Rent();
    }

    protected override void Dispose(bool disposing)
    {
        disposed = true;
        free.Clear();
        Volatile.Write(ref freeCount, 0);
    }

    private void Return(Block block)
    {
        if (disposed)
        {
            return;
        }

        if (Interlocked.Increment(ref freeCount) > MaxFreeBlocks)
        {
            Interlocked.Decrement(ref freeCount);
            return;
        }

        free.Enqueue(block);
    }

    /// <summary>A pinned block; disposing a rental gives it back once, however often it is disposed.</summary>
    private sealed class Block(TransportBufferPool pool) : IMemoryOwner<byte>
    {
        private readonly byte[] array = GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true);
        private int rented;

        public Memory<byte> Memory => array;

        public Block Rent()
        {
            Volatile.Write(ref rented, 1);
            return this;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref rented, 0) == 1)
            {
                pool.Return(this);
            }
        }
    }
}

/// <summary>Makes Kestrel's pools <see cref="TransportBufferPool"/>s; registered by <see cref="TransportSecurity.ConfigureTransport"/>.</summary>
internal sealed class TransportBufferPoolFactory : IMemoryPoolFactory<byte>
{
    private int created;

    /// <summary>Pools made so far (Kestrel asks for them as it starts).</summary>
    public int Created => Volatile.Read(ref created);

    public MemoryPool<byte> Create(MemoryPoolOptions? options = null)
    {
        Interlocked.Increment(ref created);
        return new TransportBufferPool();
    }
}
