using InsatsFlow.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace InsatsFlow.Data.Scheduling;

/// <summary>
/// At start-up: fires every timer that fell due while the service was down (each once, since a fired row is
/// done), then makes sure every pending timer has its Quartz trigger.
/// </summary>
public sealed class TimerReconciliation(IServiceScopeFactory scopes, ILogger<TimerReconciliation> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var (fired, scheduled) = await ReconcileAsync(cancellationToken);
        log.LogInformation("Timeravstämning: {Fired} förfallna timrar avfyrade, {Scheduled} kommande schemalagda", fired, scheduled);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<(int Fired, int Scheduled)> ReconcileAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var engine = scope.ServiceProvider.GetRequiredService<ProcessEngine>();
        var fired = await engine.FireDueTimersAsync(ct);
        var scheduled = 0;
        if (scope.ServiceProvider.GetService<ITimerScheduler>() is QuartzTimerScheduler quartz)
        {
            var scheduler = await scope.ServiceProvider.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
            foreach (var timer in await engine.PendingTimersAsync(ct: ct))
            {
                if (await scheduler.Exists(QuartzTimerScheduler.TriggerFor(timer.Id), ct)) continue;
                await quartz.ScheduleAsync(scheduler, timer, ct);
                scheduled++;
            }
        }
        return (fired, scheduled);
    }
}
