using InsatsFlow.Engine;
using InsatsFlow.Engine.Store;
using Quartz;

namespace InsatsFlow.Data.Scheduling;

/// <summary>Gives each pending engine timer row a Quartz trigger at its due time, and removes it when the row is cancelled.</summary>
public sealed class QuartzTimerScheduler(ISchedulerFactory factory, TimeProvider time) : ITimerScheduler
{
    public static TriggerKey TriggerFor(string timerId) => new("timer-" + timerId, "insatsflow-timers");

    public async Task TimersChangedAsync(IReadOnlyList<TimerJob> created, IReadOnlyList<TimerJob> cancelled, CancellationToken ct)
    {
        var scheduler = await factory.GetScheduler(ct);
        foreach (var timer in cancelled) await scheduler.UnscheduleJob(TriggerFor(timer.Id), ct);
        foreach (var timer in created.Where(t => t.State == TimerState.Pending)) await ScheduleAsync(scheduler, timer, ct);
    }

    /// <summary>Adds (or replaces) the trigger for <paramref name="timer"/>.</summary>
    public async Task ScheduleAsync(IScheduler scheduler, TimerJob timer, CancellationToken ct)
    {
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(TriggerFor(timer.Id))
            .ForJob(EngineTimerJob.Key)
            .UsingJobData(EngineTimerJob.TimerIdKey, timer.Id)
            .StartAt(timer.DueAt)
            .Build();
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, ct);
    }
}
