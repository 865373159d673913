using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Interface;
using WorkflowCore.Models;
using WorkflowCore.Models.LifeCycleEvents;

namespace InsatsFlow.Bench.Engine;

internal sealed record WorkflowCoreFigures(double NodesPerSecond, TimeSpan Elapsed);

/// <summary>The same ten steps on WorkflowCore 3.22 with its default in-memory persistence.</summary>
internal static class WorkflowCoreRun
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private const int StepsPerInstance = 11; // as counted for InsatsFlow: the join is entered once per branch

    public sealed class BenchData
    {
        public string Key { get; set; } = "";
        public long Amount { get; set; }
    }

    public sealed class Noop : StepBody
    {
        public override ExecutionResult Run(IStepExecutionContext context) => ExecutionResult.Next();
    }

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
            .Delay(d => TimeSpan.Zero)
            .Then<Noop>();
    }

    public static async Task<WorkflowCoreFigures> RunAsync(int instances)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWorkflow(o => o.UsePollInterval(PollInterval));
        await using var provider = services.BuildServiceProvider();
        var host = provider.GetRequiredService<IWorkflowHost>();
        host.RegisterWorkflow<BenchWorkflow, BenchData>();
        var completed = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.OnLifeCycleEvent += e =>
        {
            if (Environment.GetEnvironmentVariable("WFC_TRACE") == "1") Console.WriteLine($"{e.GetType().Name} {e.WorkflowInstanceId} {e.Reference}");
            if (e is WorkflowCompleted && Interlocked.Increment(ref completed) == instances) all.TrySetResult();
        };
        await host.StartAsync(CancellationToken.None);
        try
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < instances; i++)
            {
                var key = "B-" + i;
                await host.StartWorkflow("bench", new BenchData { Key = key, Amount = i * 1000L });
                await host.PublishEvent("review", key, null);
                await host.PublishEvent("approve", key, null);
            }
            var finished = await Task.WhenAny(all.Task, Task.Delay(TimeSpan.FromSeconds(Environment.GetEnvironmentVariable("WFC_TRACE") == "1" ? 10 : 300)));
            watch.Stop();
            if (finished != all.Task) Console.WriteLine($"WorkflowCore: only {completed} of {instances} finished in 5 minutes");
            return new WorkflowCoreFigures(completed * StepsPerInstance / watch.Elapsed.TotalSeconds, watch.Elapsed);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
