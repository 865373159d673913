using InsatsFlow.Engine.Store;

namespace InsatsFlow.Engine.Jobs;

/// <summary>
/// Asked, inside the command that creates a user task with a due date (or moves its due date), which jobs that due
/// date brings — a deadline policy's reminders, for instance. They are written in the same command, so a task and
/// its reminders exist together or not at all. The engine knows no policy; the host registers one.
/// </summary>
public interface ITaskJobPlanner
{
    /// <param name="hasOwnTimers">The task's BPMN element has timer boundary events of its own.</param>
    IEnumerable<Job> Plan(TaskItem task, bool hasOwnTimers, DateTimeOffset now);
}

internal static class TaskJobs
{
    public static void Plan(IServiceProvider? services, IEngineStore store, TaskItem task, bool hasOwnTimers, DateTimeOffset now)
    {
        if (task.DueAt is null || services is null) return;
        foreach (var planner in (IEnumerable<ITaskJobPlanner>?)services.GetService(typeof(IEnumerable<ITaskJobPlanner>)) ?? [])
            foreach (var job in planner.Plan(task, hasOwnTimers, now))
                store.Add(job);
    }
}
