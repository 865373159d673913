using InsatsFlow.Engine;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace InsatsFlow.Data.Scheduling;

/// <summary>A safety net on a fixed interval: fires any timer row that is due but was not fired by its own trigger.</summary>
public sealed class DueTimerSweepJob(IServiceScopeFactory scopes) : IJob
{
    public static readonly JobKey Key = new("engine-timer-sweep", "insatsflow");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ProcessEngine>().FireDueTimersAsync(cancellationToken);
    }
}
