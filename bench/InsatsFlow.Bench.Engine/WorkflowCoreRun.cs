using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Interface;
using WorkflowCore.Models;
using WorkflowCore.Models.LifeCycleEvents;

namespace InsatsFlow.Bench.Engine;

internal sealed record WorkflowCoreFigures(double NodesPerSecond, long Steps, int Completed, TimeSpan Elapsed);

/// <summary>
/// The same flow on WorkflowCore 3.22 with its in-memory persistence (no durable persistence package is served here).
/// The timer is a real Delay(PT1H) on a fake clock (WorkflowCore's IDateTimeProvider), moved when every instance waits
/// at it, as the InsatsFlow run moves its FakeTimeProvider. Steps are counted from the completed execution pointers.
/// </summary>
internal static class WorkflowCoreRun
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public sealed class BenchData
    {
        public string Key { get; set; } = "";
        public long Amount { get; set; }
    }

    public sealed class Noop : StepBody
    {
        public override ExecutionResult Run(IStepExecutionContext context) => ExecutionResult.Next();
    }

    private sealed class FakeClock : IDateTimeProvider
    {
        private long offsetTicks;
        public DateTime Now => DateTime.Now.AddTicks(Interlocked.Read(ref offsetTicks));
        public DateTime UtcNow => DateTime.UtcNow.AddTicks(Interlocked.Read(ref offsetTicks));
        public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
    }

    private static int atTimer;

    public sealed class BenchWorkflow : IWorkflow<BenchData>
    {
        public string Id => "bench";
        public int Version => 1;

        public void Build(IWorkflowBuilder<BenchData> builder) => builder
            .StartWith<Noop>()
            .WaitFor("review", d => d.Key, d => DateTime.MinValue)
            .If(d => d.Amount > 1000000000).Do(then => then.StartWith<Noop>())
            .Parallel()
                .Do(branch => branch.StartWith<Noop>())
                .Do(branch => branch.StartWith<Noop>())
            .Join()
            .WaitFor("approve", d => d.Key, d => DateTime.MinValue)
            .Delay(d => ReachedTimer())
            .Then<Noop>();

        // the delay's duration is read when the step runs: that is when an instance waits at its timer
        private static TimeSpan ReachedTimer()
        {
            Interlocked.Increment(ref atTimer);
            return TimeSpan.FromHours(1);
        }
    }

    /// <param name="concurrency">WorkflowCore's MaxConcurrentWorkflows: 1 matches one InsatsFlow client.</param>
    public static async Task<WorkflowCoreFigures> RunAsync(int instances, int concurrency)
    {
        var clock = new FakeClock();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWorkflow(o => { o.UsePollInterval(PollInterval); o.UseMaxConcurrentWorkflows(concurrency); });
        services.AddSingleton<IDateTimeProvider>(clock);
        await using var provider = services.BuildServiceProvider();
        var host = provider.GetRequiredService<IWorkflowHost>();
        host.RegisterWorkflow<BenchWorkflow, BenchData>();
        var completed = new System.Collections.Concurrent.ConcurrentQueue<string>();
        host.OnLifeCycleEvent += e => { if (e is WorkflowCompleted) completed.Enqueue(e.WorkflowInstanceId); };
        await host.StartAsync(CancellationToken.None);
        try
        {
            async Task<(TimeSpan Elapsed, List<string> Ids)> Round(string prefix, int count)
            {
                completed.Clear();
                Interlocked.Exchange(ref atTimer, 0);
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < count; i++)
                {
                    var key = prefix + i;
                    await host.StartWorkflow("bench", new BenchData { Key = key, Amount = 1000L });
                    await host.PublishEvent("review", key, null);
                    await host.PublishEvent("approve", key, null);
                }
                var deadline = Stopwatch.StartNew();
                while (Volatile.Read(ref atTimer) < count && deadline.Elapsed < TimeSpan.FromMinutes(5)) await Task.Delay(1);
                clock.Advance(TimeSpan.FromHours(2));
                while (completed.Count < count && deadline.Elapsed < TimeSpan.FromMinutes(5)) await Task.Delay(1);
                watch.Stop();
                return (watch.Elapsed, completed.ToList());
            }

            await Round("warm-", 20);
            var (elapsed, ids) = await Round("B-", instances);
            var store = provider.GetRequiredService<IPersistenceProvider>();
            long steps = 0;
            foreach (var id in ids)
                steps += (await store.GetWorkflowInstance(id)).ExecutionPointers.Count(p => p.Status == PointerStatus.Complete);
            return new WorkflowCoreFigures(steps / elapsed.TotalSeconds, steps, ids.Count, elapsed);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
