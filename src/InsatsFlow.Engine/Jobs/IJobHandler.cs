namespace InsatsFlow.Engine.Jobs;

/// <summary>What a run of one job did.</summary>
/// <param name="Acted">False when there was nothing (left) to do: the timer had fired, the task was done.</param>
/// <param name="Next">For a periodic job: when it falls due again (the row is reused); null ends it.</param>
public sealed record JobResult(bool Acted, DateTimeOffset? Next = null)
{
    public static readonly JobResult Done = new(true);
    public static readonly JobResult Nothing = new(false);
}

/// <summary>
/// Runs the jobs of one <see cref="Kind"/>, resolved in the job's own scope (its own DbContext), so each job is its
/// own command. A job may run more than once (a lease that ran out while it was running), so a handler is idempotent:
/// the row it changes tells whether it was done.
/// </summary>
public interface IJobHandler
{
    string Kind { get; }

    Task<JobResult> RunAsync(Job job, CancellationToken ct);

    /// <summary>The job failed <see cref="JobOptions.MaxAttempts"/> times and will not be retried: make it visible
    /// where its owner looks (an engine timer raises an incident on its instance). The job row shows it anyway.</summary>
    Task GiveUpAsync(Job job, string error, CancellationToken ct) => Task.CompletedTask;
}
