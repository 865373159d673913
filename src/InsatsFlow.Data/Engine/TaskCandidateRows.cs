using InsatsFlow.Engine.Store;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Data.Engine;

/// <summary>
/// Keeps <see cref="TaskCandidate"/> rows in step with the open tasks, in the same save as the task: rows for a task that
/// opens, none left for one that closes or is removed, new ones when its lists change. Called by the context's own
/// SaveChanges, so every way a task is written (a command, a handler's child unit, a seeder, a host that configures the
/// context itself) keeps them.
/// </summary>
internal static class TaskCandidateRows
{
    public static void Sync(DbContext context)
    {
        if (Plan(context) is { } plan) Apply(context, plan, plan.Closing.Count == 0 ? [] : Stored(context, plan.Closing).ToList());
    }

    public static async Task SyncAsync(DbContext context, CancellationToken ct)
    {
        if (Plan(context) is { } plan) Apply(context, plan, plan.Closing.Count == 0 ? [] : await Stored(context, plan.Closing).ToListAsync(ct));
    }

    private sealed record Changes(List<string> Closing, List<(string TaskId, string Candidate)> Opening);

    private static Changes? Plan(DbContext context)
    {
        var tracker = context.ChangeTracker;
        var auto = tracker.AutoDetectChangesEnabled;
        if (auto) tracker.DetectChanges(); // once, as the validation interceptor does; a command's unit has detected already
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            var closing = new List<string>();
            var opening = new List<(string, string)>();
            foreach (var entry in tracker.Entries<TaskItem>())
            {
                var task = entry.Entity;
                var isOpen = entry.State != EntityState.Deleted && task.State == TaskState.Open;
                var wasOpen = entry.State is EntityState.Modified or EntityState.Deleted or EntityState.Unchanged
                    && entry.Property(t => t.State).OriginalValue == TaskState.Open;
                var listsChanged = entry.State == EntityState.Modified
                    && (entry.Property(t => t.CandidateUsers).IsModified || entry.Property(t => t.CandidateGroups).IsModified);
                if (entry.State == EntityState.Unchanged) continue;
                if (wasOpen && (!isOpen || listsChanged)) closing.Add(task.Id);
                if (isOpen && (!wasOpen || listsChanged))
                    opening.AddRange(TaskCandidate.Of(task.CandidateUsers, task.CandidateGroups).Select(c => (task.Id, c)));
            }
            return closing.Count == 0 && opening.Count == 0 ? null : new Changes(closing, opening);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = auto;
        }
    }

    private static IQueryable<TaskCandidate> Stored(DbContext context, List<string> taskIds) =>
        context.Set<TaskCandidate>().AsTracking().Where(c => taskIds.Contains(c.TaskId));

    private static void Apply(DbContext context, Changes plan, List<TaskCandidate> stored)
    {
        var set = context.Set<TaskCandidate>();
        var kept = plan.Opening.ToHashSet();
        // a row whose name stays offered (the lists changed around it) is kept, not removed and added again
        foreach (var row in stored)
            if (!kept.Remove((row.TaskId, row.Candidate))) set.Remove(row);
        foreach (var (taskId, candidate) in kept) set.Add(new TaskCandidate { TaskId = taskId, Candidate = candidate });
    }
}
