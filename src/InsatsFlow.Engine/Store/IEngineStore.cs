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

    /// <summary>One page of open tasks, filtered, counted, sorted and cut by the database (committed rows only).</summary>
    Task<TaskPage> TaskPageAsync(TaskPageQuery query, CancellationToken ct);

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

public enum TaskOrder { DueAt, CreatedAt, Name, DefinitionKey }

/// <summary>
/// Which open tasks a page holds: those claimed by <see cref="Assignee"/>, those unclaimed and offered to
/// <see cref="OpenTo"/>, or either when both are given (neither: every open task); then narrowed by definition key,
/// business key and due time. Sorted by <see cref="OrderBy"/> (tasks without a due time first), then by id.
/// </summary>
public sealed record TaskPageQuery(
    string? Assignee = null,
    TaskCandidates? OpenTo = null,
    string? DefinitionKey = null,
    string? BusinessKey = null,
    DateTimeOffset? DueBefore = null,
    TaskOrder OrderBy = TaskOrder.DueAt,
    bool Descending = false,
    int Skip = 0,
    int Take = 50);

/// <summary>
/// Whom a task may be offered to: any of <see cref="Users"/> or <see cref="Groups"/>, and <see cref="KeyedGroups"/> only
/// on tasks whose business key is one of <see cref="Keys"/>.
/// </summary>
public sealed record TaskCandidates(
    IReadOnlyCollection<string> Users,
    IReadOnlyCollection<string> Groups,
    IReadOnlyCollection<string>? KeyedGroups = null,
    IReadOnlyCollection<string>? Keys = null);

/// <param name="Items">The page's rows, not tracked.</param>
/// <param name="Total">How many rows all pages hold.</param>
public sealed record TaskPage(IReadOnlyList<TaskItem> Items, int Total);

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
