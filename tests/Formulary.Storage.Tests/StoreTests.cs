using Microsoft.Extensions.Time.Testing;

namespace Formulary.Storage.Tests;

/// <summary>A fresh store per test on a fake clock; the subclasses of each contract suite say which store.</summary>
public abstract class StoreTests : IAsyncLifetime
{
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    protected IMonographStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await CreateStoreAsync(Time);

    public async Task DisposeAsync()
    {
        if (Store is not null)
        {
            await Store.DisposeAsync();
        }
    }

    protected abstract Task<IMonographStore> CreateStoreAsync(TimeProvider time);
}
