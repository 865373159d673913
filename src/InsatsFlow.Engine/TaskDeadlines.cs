using InsatsFlow.Engine.Runtime;
using InsatsFlow.Engine.Store;
using InsatsFlow.Engine.Time;

namespace InsatsFlow.Engine;

/// <summary>Move a running task's due date, with the reason recorded.</summary>
/// <param name="NewDueAt">The new due time (the caller turns a date into a time in Stockholm).</param>
public sealed record MoveDueDateCommand(string TaskId, DateTimeOffset NewDueAt, string Reason, string UserId)
{
    public string? IdempotencyKey { get; init; }
}

/// <summary>What a due-date move did: the old and new due time and which timer rows were replaced.</summary>
public sealed record DueDateMoved(string TaskId, string InstanceId, DateTimeOffset? OldDueAt, DateTimeOffset NewDueAt,
    IReadOnlyList<RescheduledTimer> Timers);

/// <summary>One reminder to journal: <paramref name="InTransaction"/> adds its outbox rows and says whether anything was new.</summary>
public sealed record ReminderRequest(string TaskId, string Step, IReadOnlyDictionary<string, object?> Details, Func<TaskItem, Task<bool>> InTransaction);

public sealed record RescheduledTimer(string ElementId, string OldTimerId, DateTimeOffset OldDueAt, string NewTimerId, DateTimeOffset NewDueAt);

/// <summary>
/// Deadline commands on open tasks: moving a due date (journal entry, task row, the task's pending boundary
/// timers shifted by the same number of working days) and recording a reminder of the default escalation
/// policy in the instance's journal. Each runs in one transaction, like the commands of <see cref="ProcessEngine"/>.
/// </summary>
/// <remarks>
/// These run on the caller's scoped store, so the caller's outbox rows commit with the journal entry; a failure leaves
/// that scope's pending changes to be discarded with the scope (the callers open one per attempt).
/// </remarks>
public sealed class TaskDeadlines(IEngineStore store, DefinitionRegistry registry, IServiceProvider services, TimeProvider time)
{
    public const int MaxReasonLength = 1000;

    public async Task<DueDateMoved> MoveDueDateAsync(MoveDueDateCommand command, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(command.Reason))
            throw new EngineValidationException("Ange ett skäl till att tidsfristen flyttas (fältet skal).");
        if (command.Reason.Length > MaxReasonLength)
            throw new EngineValidationException($"Skälet är {command.Reason.Length} tecken; högst {MaxReasonLength} (fältet skal).");
        var now = time.GetUtcNow();
        if (command.NewDueAt <= now)
            throw new EngineValidationException($"Den nya tidsfristen {command.NewDueAt:yyyy-MM-dd HH:mm} har redan passerat (fältet nyttDatum).");
        var task = await store.FindTaskAsync(command.TaskId, ct) ?? throw new EngineNotFoundException($"Uppgiften {command.TaskId} finns inte.");
        if (task.State != TaskState.Open)
            throw new EngineConflictException($"Uppgiften {task.ElementId} är inte längre öppen; dess tidsfrist kan inte flyttas.");

        var x = new Execution(store, null, registry, now, command.UserId, ct);
        var live = await x.LoadAsync(task.InstanceId);
        var oldDue = task.DueAt;
        var moved = new List<RescheduledTimer>();
        foreach (var timer in await store.PendingTimersAsync(task.InstanceId, null, ct))
        {
            if (timer.TokenId != task.TokenId || timer.Period is not null) continue;
            var newAt = Shift(timer.DueAt, oldDue, command.NewDueAt);
            if (newAt == timer.DueAt) continue;
            timer.State = TimerState.Cancelled;
            timer.Version++;
            var token = live.FindToken(timer.TokenId);
            var replacement = x.AddTimer(timer.DefinitionId, timer.InstanceId, token, timer.ElementId, new TimerSchedule.Due(newAt, null, 0));
            moved.Add(new RescheduledTimer(timer.ElementId, timer.Id, timer.DueAt, replacement.Id, newAt));
        }
        task.DueAt = command.NewDueAt;
        task.Version++;
        Jobs.TaskJobs.Plan(services, store, task, live.Model[task.ElementId].Boundaries.Any(b => b.Trigger is Model.TimerDefinition), now);
        x.Journal(live, task.ElementId, "task-due-date-moved", new()
        {
            ["task"] = task.Id, ["from"] = oldDue, ["to"] = command.NewDueAt, ["reason"] = command.Reason,
            ["timers"] = moved.Select(m => (object?)new Dictionary<string, object?> { ["element"] = m.ElementId, ["from"] = m.OldDueAt, ["to"] = m.NewDueAt }).ToList(),
        });
        x.Flush();
        await store.SaveChangesAsync(ct);
        return new DueDateMoved(task.Id, task.InstanceId, oldDue, command.NewDueAt, moved);
    }

    /// <summary>
    /// Writes a journal entry for a reminder or escalation of an open task and commits it together with
    /// whatever <paramref name="inTransaction"/> adds to the same unit of work (the outbox row). Returns false,
    /// writing nothing, when the task is no longer open or <paramref name="inTransaction"/> says the step was already done.
    /// </summary>
    public async Task<bool> RecordReminderAsync(string taskId, string step, IReadOnlyDictionary<string, object?> details,
        Func<TaskItem, Task<bool>> inTransaction, CancellationToken ct = default) =>
        (await RecordRemindersAsync([new ReminderRequest(taskId, step, details, inTransaction)], ct))[0];

    /// <summary>
    /// Several reminders in one transaction (a sweep's due steps): all are committed or, on a conflict, none, and the
    /// caller retries them one by one. Returns, per request, whether it was recorded.
    /// </summary>
    public async Task<IReadOnlyList<bool>> RecordRemindersAsync(IReadOnlyList<ReminderRequest> requests, CancellationToken ct = default)
    {
        var x = new Execution(store, null, registry, time.GetUtcNow(), null, ct);
        var recorded = new List<bool>(requests.Count);
        foreach (var request in requests)
        {
            var task = await store.FindTaskAsync(request.TaskId, ct);
            if (task is null || task.State != TaskState.Open || !await request.InTransaction(task))
            {
                recorded.Add(false);
                continue;
            }
            var live = await x.LoadAsync(task.InstanceId);
            var payload = new Dictionary<string, object?>(request.Details) { ["task"] = task.Id, ["step"] = request.Step, ["dueAt"] = task.DueAt };
            x.Journal(live, task.ElementId, "task-reminder", payload);
            recorded.Add(true);
        }
        x.Flush();
        await store.SaveChangesAsync(ct);
        return recorded;
    }

    /// <summary>
    /// Where a timer goes when its task's due date moves: a timer at the old due date goes to the new one; one a
    /// number of working days before or after keeps that distance and its time of day (in the engine's zone).
    /// A task without a due date shifts its timers by the calendar difference from now.
    /// </summary>
    public DateTimeOffset Shift(DateTimeOffset timerAt, DateTimeOffset? oldDue, DateTimeOffset newDue)
    {
        if (oldDue is null) return timerAt + (newDue - time.GetUtcNow());
        if (timerAt == oldDue) return newDue;
        var zone = registry.Host.TimeZone;
        var calendar = registry.Host.Calendar;
        var timerLocal = TimeZoneInfo.ConvertTime(timerAt, zone).DateTime;
        var oldDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(oldDue.Value, zone).DateTime);
        var newDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(newDue, zone).DateTime);
        var offset = SignedWorkingDays(calendar, oldDay, DateOnly.FromDateTime(timerLocal));
        var day = calendar.AddWorkingDays(newDay, offset);
        var local = day.ToDateTime(TimeOnly.FromDateTime(timerLocal));
        if (zone.IsInvalidTime(local)) local = local.AddHours(1);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static int SignedWorkingDays(IBusinessCalendar calendar, DateOnly from, DateOnly to)
    {
        if (to == from) return 0;
        var step = to > from ? 1 : -1;
        var count = 0;
        for (var d = from; d != to;)
        {
            d = d.AddDays(step);
            if (calendar.IsWorkingDay(d)) count += step;
        }
        return count;
    }
}
