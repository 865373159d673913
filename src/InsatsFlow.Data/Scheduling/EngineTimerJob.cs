using InsatsFlow.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace InsatsFlow.Data.Scheduling;

/// <summary>Fires one engine timer row (its id is in the trigger's data). The row decides: a fired row does nothing.</summary>
public sealed class EngineTimerJob(IServiceScopeFactory scopes, ILogger<EngineTimerJob> log) : IJob
{
    public static readonly JobKey Key = new("engine-timer", "insatsflow");
    public const string TimerIdKey = "timerId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var timerId = context.MergedJobDataMap.GetString(TimerIdKey);
        if (timerId is null) return;
        using var scope = scopes.CreateScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<ProcessEngine>().FireTimerAsync(timerId, cancellationToken);
        }
        catch (EngineConflictException e)
        {
            // another node or the sweep got there first; the timer row tells the truth
            log.LogInformation("Timern {TimerId} krockade: {Message}", timerId, e.Message);
        }
        catch (EngineNotFoundException)
        {
            log.LogWarning("Timern {TimerId} finns inte längre", timerId);
        }
    }
}
