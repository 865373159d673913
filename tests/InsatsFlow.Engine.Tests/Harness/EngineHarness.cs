using InsatsFlow.Data;
using InsatsFlow.Data.Engine;
using InsatsFlow.Data.Tests.Support;
using InsatsFlow.Engine.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InsatsFlow.Engine.Tests.Harness;

/// <summary>
/// The engine on a real SQLite file, or a database of its own on the tests' PostgreSQL server, with a fake clock: deploy a BPMN string, start, complete tasks, advance the
/// clock and fire due timers, read the path taken from the journal. Every call runs in its own DI scope
/// (its own DbContext), as web requests do. Core's lifecycle tests link this file.
/// </summary>
public sealed class EngineHarness : IDisposable
{
    private readonly Action<IServiceCollection>? configureServices;
    private readonly Action<IServiceCollection, string>? configureWithConnection;
    private readonly Action<EngineOptions>? configureEngine;
    private readonly string? postgres;
    private ServiceProvider provider;

    /// <param name="servicesOnDatabase">Like <paramref name="services"/>, also given the SQLite connection string (for Quartz).</param>
    /// <param name="provider">The database the store runs on; PostgreSQL gets a migrated database of its own (<see cref="TestPostgres"/>).</param>
    public EngineHarness(Action<IServiceCollection>? services = null, Action<EngineOptions>? engine = null, DateTimeOffset? start = null,
        Action<IServiceCollection, string>? servicesOnDatabase = null, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        if (provider == DatabaseProvider.Postgres) postgres = TestPostgres.CreateMigratedDatabaseAsync().GetAwaiter().GetResult();
        configureServices = services;
        configureWithConnection = servicesOnDatabase;
        configureEngine = engine;
        Clock = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        this.provider = Build();
        if (postgres is not null) return;
        using var scope = this.provider.CreateScope();
        TestDatabase.Prepare(scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>());
    }

    public FakeTimeProvider Clock { get; }
    public TestDatabase Database { get; } = new();
    public IServiceProvider Services => provider;

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        if (postgres is not null) services.AddDbContextPool<InsatsFlowDbContext>(o => o.UseInsatsFlowDatabase(InsatsFlowDatabase.Postgres(postgres)));
        else services.AddDbContextPool<InsatsFlowDbContext>(o => o.UseSqlite(Database.ConnectionString));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddInsatsFlowEngine(configureEngine);
        configureServices?.Invoke(services);
        configureWithConnection?.Invoke(services, postgres ?? Database.ConnectionString);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>Stops the "service" and starts a new one on the same database file (the clock keeps running).</summary>
    public void Restart()
    {
        provider.Dispose();
        provider = Build();
    }

    public async Task<T> RunAsync<T>(Func<ProcessEngine, Task<T>> action)
    {
        using var scope = provider.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<ProcessEngine>());
    }

    public async Task<T> WithDbAsync<T>(Func<InsatsFlowDbContext, Task<T>> action)
    {
        using var scope = provider.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>());
    }

    public Task<DeploymentResult> DeployAsync(string bpmn, string? name = null) => RunAsync(e => e.DeployAsync(bpmn, name));

    public Task<CommandResult> StartAsync(string processKey, object? variables = null, string? businessKey = null, string? idempotencyKey = null) =>
        RunAsync(e => e.StartAsync(new StartCommand(processKey)
        {
            Variables = Vars(variables), BusinessKey = businessKey, IdempotencyKey = idempotencyKey, UserId = "starter",
        }));

    public Task<IReadOnlyList<TaskItem>> OpenTasksAsync(string instanceId) => RunAsync(e => e.TasksOfInstanceAsync(instanceId));

    /// <summary>The one open task at <paramref name="elementId"/> (fails if there is none or several).</summary>
    public async Task<TaskItem> TaskAsync(string instanceId, string elementId)
    {
        var tasks = (await OpenTasksAsync(instanceId)).Where(t => t.ElementId == elementId).ToList();
        if (tasks.Count != 1)
            throw new InvalidOperationException($"Väntade en öppen uppgift vid {elementId}, fann {tasks.Count}: {string.Join(", ", (await OpenTasksAsync(instanceId)).Select(t => t.ElementId))}");
        return tasks[0];
    }

    /// <summary>Completes the open task at <paramref name="elementId"/> as its assignee (or the given user).</summary>
    public async Task<CommandResult> CompleteAsync(string instanceId, string elementId, object? variables = null, string? user = null, string[]? groups = null, string? idempotencyKey = null)
    {
        var task = await TaskAsync(instanceId, elementId);
        var actor = new TaskActor(user ?? task.Assignee ?? task.CandidateUserList.FirstOrDefault() ?? "someone",
            groups ?? [.. task.CandidateGroupList]);
        return await RunAsync(e => e.CompleteTaskAsync(new CompleteTaskCommand(task.Id, actor) { Variables = Vars(variables), IdempotencyKey = idempotencyKey }));
    }

    public Task<CommandResult> CorrelateAsync(string message, string? businessKey, object? variables = null) =>
        RunAsync(e => e.CorrelateMessageAsync(new CorrelateMessageCommand(message, businessKey) { Variables = Vars(variables) }));

    /// <summary>Moves the fake clock and fires whatever fell due; returns how many timers fired.</summary>
    public async Task<int> AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        return await RunAsync(e => e.FireDueTimersAsync());
    }

    public Task<InstanceView> InstanceAsync(string instanceId) => RunAsync(e => e.GetInstanceAsync(instanceId));

    /// <summary>The elements entered, in order, as the journal tells it.</summary>
    public async Task<IReadOnlyList<string>> PathAsync(string instanceId) =>
        (await RunAsync(e => e.JournalAsync(instanceId))).Where(j => j.Event == "element-entered").Select(j => j.ElementId!).ToList();

    public async Task<IReadOnlyList<string>> EventsAsync(string instanceId) =>
        (await RunAsync(e => e.JournalAsync(instanceId))).Select(j => j.ElementId is null ? j.Event : $"{j.Event}:{j.ElementId}").ToList();

    public static IReadOnlyDictionary<string, object?>? Vars(object? variables) => variables switch
    {
        null => null,
        IReadOnlyDictionary<string, object?> d => d,
        IDictionary<string, object?> d => d.ToDictionary(),
        _ => variables.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(variables)),
    };

    public void Dispose()
    {
        provider.Dispose();
        Database.Dispose();
        if (postgres is not null) TestPostgres.DropDatabaseAsync(postgres).GetAwaiter().GetResult();
    }
}
