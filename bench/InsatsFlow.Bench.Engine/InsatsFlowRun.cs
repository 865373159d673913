using System.Diagnostics;
using InsatsFlow.Data;
using InsatsFlow.Data.Engine;
using InsatsFlow.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InsatsFlow.Bench.Engine;

internal sealed record EngineFigures(double NodesPerSecond, double CommandsPerSecond, double P50, double P99, long Nodes, int Commands, TimeSpan Elapsed, string JournalMode);

internal static class InsatsFlowRun
{
    private sealed class Noop : IServiceTaskHandler
    {
        public string Name => "noop";

        public Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, object?>?>(null);
    }

    public static async Task<EngineFigures> RunAsync(string work, int instances, string synchronous)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var services = new ServiceCollection();
        services.AddDbContext<InsatsFlowDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(work, $"engine-{synchronous}.db")}")
            .AddInterceptors(new SynchronousPragma(synchronous)));
        services.AddSingleton<TimeProvider>(clock);
        services.AddInsatsFlowEngine();
        services.AddServiceTaskHandler<Noop>();
        await using var provider = services.BuildServiceProvider();
        string journalMode;
        using (var scope = provider.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>();
            if (db.Database.GetMigrations().Any()) db.Database.Migrate(); else db.Database.EnsureCreated();
            journalMode = db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").AsEnumerable().First();
            await scope.ServiceProvider.GetRequiredService<ProcessEngine>().DeployAsync(BenchFlow.Bpmn, "bench.bpmn");
        }

        async Task<T> Run<T>(Func<ProcessEngine, Task<T>> f)
        {
            using var scope = provider.CreateScope();
            return await f(scope.ServiceProvider.GetRequiredService<ProcessEngine>());
        }

        var kansli = new TaskActor("eva", "kansli");
        async Task<double> OneInstance(int i)
        {
            var started = await Run(e => e.StartAsync(new StartCommand("bench") { BusinessKey = $"B-{i}", Variables = new Dictionary<string, object?> { ["amount"] = i * 1000L, ["approver"] = "ordf" } }));
            var review = started.OpenTaskIds.Single();
            var watch = Stopwatch.StartNew();
            var done = await Run(e => e.CompleteTaskAsync(new CompleteTaskCommand(review, kansli)));
            var next = await Run(e => e.TasksAssignedToAsync("ordf"));
            watch.Stop();
            if (done.OpenTaskIds.Count != 1) throw new InvalidOperationException(string.Join(",", done.ActiveElements) + " " + string.Join(" / ", (await Run(e => e.IncidentsAsync(done.InstanceId))).Select(x => x.Message)));
            var approve = done.OpenTaskIds.Single();
            if (next.All(t => t.Id != approve)) throw new InvalidOperationException("nästa uppgift syns inte");
            await Run(e => e.CompleteTaskAsync(new CompleteTaskCommand(approve, new TaskActor("ordf"))));
            return watch.Elapsed.TotalMilliseconds;
        }

        for (var i = 0; i < 20; i++) await OneInstance(-i - 1); // warm-up
        clock.Advance(TimeSpan.FromHours(2));
        await Run(e => e.FireDueTimersAsync());
        var warmNodes = await CountNodes(provider);

        var latencies = new List<double>();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < instances; i++) latencies.Add(await OneInstance(i));
        clock.Advance(TimeSpan.FromHours(2));
        var fired = await Run(e => e.FireDueTimersAsync());
        total.Stop();
        if (fired != instances) throw new InvalidOperationException($"{fired} timrar avfyrades, väntade {instances}");

        var nodes = await CountNodes(provider) - warmNodes;
        var commands = instances * 4; // start, complete review, complete approve, fire timer
        // the query after each completion is part of the latency measure, not a command; subtract nothing from wall time
        latencies.Sort();
        return new EngineFigures(nodes / total.Elapsed.TotalSeconds, commands / total.Elapsed.TotalSeconds,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), nodes, commands, total.Elapsed, journalMode);
    }

    private static async Task<long> CountNodes(IServiceProvider provider)
    {
        using var scope = provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>();
        return await db.Set<InsatsFlow.Engine.Store.JournalEntry>().LongCountAsync(j => j.Event == "element-entered");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
