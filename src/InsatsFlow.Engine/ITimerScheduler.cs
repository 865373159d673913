using InsatsFlow.Engine.Store;

namespace InsatsFlow.Engine;

/// <summary>
/// Told after each commit which timer rows were created or cancelled, so a scheduler (Quartz) can fire them.
/// The rows are the truth; a scheduler that misses a change is corrected by the start-up reconciliation.
/// </summary>
public interface ITimerScheduler
{
    Task TimersChangedAsync(IReadOnlyList<TimerJob> created, IReadOnlyList<TimerJob> cancelled, CancellationToken ct);
}

/// <summary>No scheduler: timers fire when someone calls <see cref="ProcessEngine.FireDueTimersAsync"/> (tests, CLI).</summary>
public sealed class ManualTimerScheduler : ITimerScheduler
{
    public Task TimersChangedAsync(IReadOnlyList<TimerJob> created, IReadOnlyList<TimerJob> cancelled, CancellationToken ct) => Task.CompletedTask;
}
