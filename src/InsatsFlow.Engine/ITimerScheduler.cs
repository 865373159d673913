using InsatsFlow.Engine.Store;

namespace InsatsFlow.Engine;

/// <summary>
/// Told after each commit which timer rows were created or cancelled. Nothing needs it any more: every timer is a
/// job row written in its command (<see cref="Jobs.EngineTimerJobs"/>) and the job executor fires it.
/// </summary>
public interface ITimerScheduler
{
    Task TimersChangedAsync(IReadOnlyList<TimerJob> created, IReadOnlyList<TimerJob> cancelled, CancellationToken ct);
}

/// <summary>The only scheduler: does nothing, since the job executor reads the job rows.</summary>
public sealed class ManualTimerScheduler : ITimerScheduler
{
    public Task TimersChangedAsync(IReadOnlyList<TimerJob> created, IReadOnlyList<TimerJob> cancelled, CancellationToken ct) => Task.CompletedTask;
}
