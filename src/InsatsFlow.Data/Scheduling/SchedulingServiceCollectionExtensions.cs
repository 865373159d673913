using InsatsFlow.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace InsatsFlow.Data.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Quartz with its persistent store in InsatsFlow's database (it provisions its own tables; clustered on PostgreSQL), firing engine timers:
    /// one trigger per timer row, a sweep every <paramref name="sweepInterval"/> (default one minute) as a safety net,
    /// and a start-up reconciliation for timers that fell due while the service was down.
    /// </summary>
    public static IServiceCollection AddInsatsFlowScheduling(this IServiceCollection services, string connectionString, TimeSpan? sweepInterval = null) =>
        services.AddInsatsFlowScheduling(InsatsFlowDatabase.Sqlite(connectionString), sweepInterval);

    public static IServiceCollection AddInsatsFlowScheduling(this IServiceCollection services, InsatsFlowDatabase database, TimeSpan? sweepInterval = null)
    {
        services.RemoveAll<ITimerScheduler>();
        services.AddSingleton<QuartzTimerScheduler>();
        services.AddSingleton<ITimerScheduler>(sp => sp.GetRequiredService<QuartzTimerScheduler>());
        services.AddQuartz(q =>
        {
            q.UsePersistentStore(s => s.UseInsatsFlowDatabase(database));
            q.AddJob<EngineTimerJob>(j => j.WithIdentity(EngineTimerJob.Key).StoreDurably());
            q.AddJob<DueTimerSweepJob>(j => j.WithIdentity(DueTimerSweepJob.Key).StoreDurably());
            q.AddTrigger(t => t.WithIdentity("engine-timer-sweep", "insatsflow").ForJob(DueTimerSweepJob.Key)
                .StartNow().WithSimpleSchedule(x => x.WithInterval(sweepInterval ?? TimeSpan.FromMinutes(1)).RepeatForever()));
        });
        services.AddHostedService<TimerReconciliation>();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
