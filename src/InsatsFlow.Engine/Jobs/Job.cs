namespace InsatsFlow.Engine.Jobs;

public enum JobState { Pending, Done, Failed }

/// <summary>
/// One thing that falls due: an engine timer, a step of a deadline chain, an outbox row, a periodic clean-up.
/// A poller claims it by setting <see cref="LockOwner"/> and <see cref="LockExpiresAt"/> (its lease); a lease that
/// runs out is taken over by the next poller. A job that throws is retried with backoff and, after
/// <see cref="JobOptions.MaxAttempts"/>, stays <see cref="JobState.Failed"/> with its last error, for a person to see.
/// </summary>
public sealed class Job
{
    public required string Id { get; set; }

    /// <summary>Which <see cref="IJobHandler"/> runs it (its <see cref="IJobHandler.Kind"/>).</summary>
    public required string Kind { get; set; }

    /// <summary>What it is about: a timer id, a task id, an outbox row id.</summary>
    public string? Target { get; set; }

    /// <summary>What else the handler needs (free text owned by the handler).</summary>
    public string? Data { get; set; }

    /// <summary>Unique when set: the same job is planned once, however often it is asked for.</summary>
    public string? Key { get; set; }

    public DateTimeOffset DueAt { get; set; }
    public JobState State { get; set; }
    public string? LockOwner { get; set; }
    public DateTimeOffset? LockExpiresAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    public static string NewId() => Guid.CreateVersion7().ToString("N");

    public static Job Create(string kind, string? target, DateTimeOffset dueAt, DateTimeOffset now, string? key = null, string? data = null) => new()
    {
        Id = NewId(), Kind = kind, Target = target, DueAt = dueAt, Key = key, Data = data, State = JobState.Pending, CreatedAt = now,
    };
}
