using System.Diagnostics;
using InsatsFlow.Data;
using InsatsFlow.Data.Engine;
using InsatsFlow.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InsatsFlow.Bench.Engine;

/// <summary><paramref name="CpuMsPerCommand"/>: the process's CPU time over the timed run per command (steadier than wall time on a shared machine).</summary>
internal sealed record EngineFigures(double NodesPerSecond, double CommandsPerSecond, double P50, double P99, long Nodes, long Commands, TimeSpan Elapsed, double CpuMsPerCommand);

/// <summary>Where the engine's rows go for one run: the production setup of the provider, plus what the run sets.</summary>
internal sealed record BenchDatabase(string Label, InsatsFlowDatabase Database, string? Synchronous = null);

internal static class InsatsFlowRun
{
    private sealed class Noop : IServiceTaskHandler
    {
        public string Name => "noop";

        public Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, object?>?>(null);
    }

    /// <summary>
    /// <paramref name="instances"/> instances of the bench flow, split over <paramref name="clients"/> concurrent clients,
    /// after a warm-up of 20 instances. Each client runs its instances one after another; the timers fall due together
    /// when the fake clock is moved at the end and are fired by the job executor.
    /// </summary>
    public static async Task<EngineFigures> RunAsync(BenchDatabase target, int instances, int clients)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var services = new ServiceCollection();
        services.AddDbContextPool<InsatsFlowDbContext>(o =>
        {
            o.UseInsatsFlowDatabase(target.Database);
            if (target.Synchronous is { } mode) o.AddInterceptors(new SynchronousPragma(mode));
        });
        services.AddSingleton<TimeProvider>(clock);
        services.AddInsatsFlowEngine();
        services.AddServiceTaskHandler<Noop>();
        await using var provider = services.BuildServiceProvider();
        using (var scope = provider.CreateScope())
        {
            await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>());
            await scope.ServiceProvider.GetRequiredService<ProcessEngine>().DeployAsync(BenchFlow.Bpmn, "bench.bpmn");
        }

        async Task<T> Run<T>(Func<ProcessEngine, Task<T>> f)
        {
            using var scope = provider.CreateScope();
            return await f(scope.ServiceProvider.GetRequiredService<ProcessEngine>());
        }

        var kansli = new TaskActor("eva", "kansli");
        async Task<double> OneInstance(string key)
        {
            var approver = "ordf-" + key;
            var started = await Run(e => e.StartAsync(new StartCommand("bench") { BusinessKey = key, Variables = new Dictionary<string, object?> { ["amount"] = 1000L, ["approver"] = approver } }));
            var review = started.OpenTaskIds.Single();
            var watch = Stopwatch.StartNew();
            var done = await Run(e => e.CompleteTaskAsync(new CompleteTaskCommand(review, kansli)));
            var next = await Run(e => e.TasksAssignedToAsync(approver));
            watch.Stop();
            if (done.OpenTaskIds.Count != 1) throw new InvalidOperationException(string.Join(",", done.ActiveElements) + " " + string.Join(" / ", (await Run(e => e.IncidentsAsync(done.InstanceId))).Select(x => x.Message)));
            var approve = done.OpenTaskIds.Single();
            if (next.All(t => t.Id != approve)) throw new InvalidOperationException("nästa uppgift syns inte");
            await Run(e => e.CompleteTaskAsync(new CompleteTaskCommand(approve, new TaskActor(approver))));
            return watch.Elapsed.TotalMilliseconds;
        }

        for (var i = 0; i < 20; i++) await OneInstance("warm-" + i);
        clock.Advance(TimeSpan.FromHours(2));
        await Run(e => e.FireDueTimersAsync());
        var warmNodes = await CountNodes(provider);

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var total = Stopwatch.StartNew();
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = new List<double>();
            for (var i = c; i < instances; i += clients) mine.Add(await OneInstance($"B-{i}"));
            return mine;
        })));
        clock.Advance(TimeSpan.FromHours(2));
        var fired = await Run(e => e.FireDueTimersAsync());
        total.Stop();
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        if (fired != instances) throw new InvalidOperationException($"{fired} timrar avfyrades, väntade {instances}");

        var nodes = await CountNodes(provider) - warmNodes;
        long commands = instances * 3L + fired; // start and two completions per instance, and each timer fired
        var latencies = perClient.SelectMany(l => l).Order().ToList();
        return new EngineFigures(nodes / total.Elapsed.TotalSeconds, commands / total.Elapsed.TotalSeconds,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), nodes, commands, total.Elapsed, cpuMs / commands);
    }

    private static async Task<long> CountNodes(IServiceProvider provider)
    {
        using var scope = provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>();
        return await db.Set<InsatsFlow.Engine.Store.JournalEntry>().LongCountAsync(j => j.Event == "element-entered");
    }

    internal static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
