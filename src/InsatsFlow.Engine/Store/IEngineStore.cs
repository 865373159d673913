namespace InsatsFlow.Engine.Store;

/// <summary>
/// The engine's rows as one unit of work sees them (<see cref="IUnitOfWork"/>). Records found are tracked; changes to
/// them, and records added, are written together by <see cref="SaveChangesAsync"/>. Queries include records added but not yet saved.
/// </summary>
public interface IEngineStore
{
    Task<ProcessDefinition?> FindDefinitionAsync(string id, CancellationToken ct);
    Task<ProcessDefinition?> FindLatestDefinitionAsync(string key, CancellationToken ct);

    /// <summary>The id of the latest committed version of <paramref name="key"/>, without reading its XML.</summary>
    Task<string?> LatestDefinitionIdAsync(string key, CancellationToken ct);
    Task<IReadOnlyList<ProcessDefinition>> LatestDefinitionsAsync(CancellationToken ct);

    Task<ProcessInstance?> FindInstanceAsync(string id, CancellationToken ct);
    Task<IReadOnlyList<ProcessInstance>> FindInstancesAsync(string? definitionKey, string? businessKey, bool runningOnly, CancellationToken ct);

    Task<TaskItem?> FindTaskAsync(string id, CancellationToken ct);
    Task<IReadOnlyList<TaskItem>> TasksAsync(TaskFilter filter, CancellationToken ct);

    Task<TimerJob?> FindTimerAsync(string id, CancellationToken ct);
    Task<IReadOnlyList<TimerJob>> PendingTimersAsync(string? instanceId, DateTimeOffset? dueBy, CancellationToken ct);

    /// <summary>The first <paramref name="max"/> pending timers by due time, sorted and cut by the database (committed rows only).</summary>
    Task<IReadOnlyList<TimerJob>> NextPendingTimersAsync(int max, CancellationToken ct);

    Task<IReadOnlyList<MessageSubscription>> SubscriptionsAsync(string? instanceId, string? messageName, string? businessKey, CancellationToken ct);

    Task<IReadOnlyList<Incident>> IncidentsAsync(string? instanceId, bool openOnly, CancellationToken ct);
    Task<Incident?> FindIncidentAsync(string id, CancellationToken ct);

    Task<IReadOnlyList<JournalEntry>> JournalAsync(string instanceId, CancellationToken ct);

    Task<IdempotencyRecord?> FindIdempotencyAsync(string id, CancellationToken ct);

    /// <summary>Deletes the idempotency records that expired by <paramref name="now"/>; returns how many.</summary>
    Task<int> PurgeIdempotencyAsync(DateTimeOffset now, CancellationToken ct);

    void Add<T>(T record) where T : class;
    void Remove<T>(T record) where T : class;

    /// <summary>Writes everything in one transaction. Throws <see cref="EngineConflictException"/> when another
    /// command changed the same instance, task or timer first, and <see cref="IdempotencyKeyTakenException"/>
    /// when another command with the same idempotency key committed first.</summary>
    Task SaveChangesAsync(CancellationToken ct);
}

public sealed record TaskFilter(
    string? InstanceId = null,
    string? Assignee = null,
    string? CandidateUser = null,
    IReadOnlyCollection<string>? CandidateGroups = null,
    bool OpenOnly = true);

public sealed class IdempotencyKeyTakenException(string key, Exception? inner = null)
    : EngineException($"Idempotensnyckeln {key} används redan av ett annat kommando.", inner)
{
    public string Key { get; } = key;
}

/// <summary>The same idempotency key, for the same user, command and target, came with other arguments: refused (HTTP 422).</summary>
public sealed class IdempotencyKeyReusedException(string key, string command)
    : EngineValidationException($"Idempotensnyckeln {key} har redan använts för {command} med andra uppgifter. Skicka en ny nyckel för en ny begäran.")
{
    public string Key { get; } = key;
}
