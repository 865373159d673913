using InsatsFlow.Data.Engine;
using InsatsFlow.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InsatsFlow.Data.Tests.Support;

/// <summary>
/// The engine with its EF store on a <see cref="TestDatabase"/> of either provider and a fake clock. Every call runs in
/// a DI scope (a DbContext) of its own, as requests do, so every read goes through the database.
/// </summary>
public sealed class EngineOnDatabase : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private EngineOnDatabase(TestDatabase database, Action<IServiceCollection>? services)
    {
        Database = database;
        // Ticks below a microsecond on purpose: PostgreSQL keeps microseconds, and nothing may depend on more.
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero).AddTicks(1_234_567));
        var collection = new ServiceCollection();
        collection.AddInsatsFlowData(database.Database);
        collection.AddSingleton<TimeProvider>(Clock);
        collection.AddInsatsFlowEngine();
        services?.Invoke(collection);
        provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public TestDatabase Database { get; }
    public FakeTimeProvider Clock { get; }
    public IServiceProvider Services => provider;

    public static async Task<EngineOnDatabase> CreateAsync(DatabaseProvider databas, Action<IServiceCollection>? services = null) =>
        new(await TestDatabase.CreateAsync(databas), services);

    public async Task<T> RunAsync<T>(Func<ProcessEngine, Task<T>> action)
    {
        await using var scope = provider.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ProcessEngine>());
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        await Database.DisposeAsync();
    }
}
