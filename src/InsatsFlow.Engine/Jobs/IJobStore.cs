namespace InsatsFlow.Engine.Jobs;

/// <summary>
/// The job table. Claims and lease changes are conditional updates (on the lease's owner and expiry), so any number
/// of pollers, on any node, share one table without a job running twice at once.
/// </summary>
public interface IJobStore
{
    /// <summary>Takes up to <paramref name="max"/> pending jobs due by <paramref name="now"/> whose lease is free or
    /// expired, giving them to <paramref name="owner"/> until now + <paramref name="lease"/>.</summary>
    Task<IReadOnlyList<Job>> ClaimAsync(string owner, DateTimeOffset now, int max, TimeSpan lease, CancellationToken ct);

    /// <summary>Done (or due again at <paramref name="next"/>); false when the lease was lost to another owner.</summary>
    Task<bool> CompleteAsync(string jobId, string owner, DateTimeOffset now, DateTimeOffset? next, CancellationToken ct);

    /// <summary>Counts an attempt and records the error; due again at <paramref name="retryAt"/>, or Failed when null.</summary>
    Task<bool> FailAsync(string jobId, string owner, string error, DateTimeOffset? retryAt, CancellationToken ct);

    /// <summary>Gives held jobs back unrun (a poller shutting down), due as before.</summary>
    Task ReleaseAsync(IReadOnlyList<string> jobIds, string owner, CancellationToken ct);

    /// <summary>Extends a held lease; false when it was lost.</summary>
    Task<bool> RenewAsync(string jobId, string owner, DateTimeOffset until, CancellationToken ct);

    /// <summary>Adds the job unless one with its <see cref="Job.Key"/> exists; committed at once.</summary>
    Task<bool> EnsureAsync(Job job, CancellationToken ct);

    /// <summary>A failed job is due again now, with its attempts reset (from the admin page).</summary>
    Task<bool> RetryAsync(string jobId, DateTimeOffset now, CancellationToken ct);

    Task<IReadOnlyList<Job>> ListAsync(JobState state, int max, CancellationToken ct);
    Task<int> CountAsync(JobState state, CancellationToken ct);
}
