using InsatsFlow.Engine.Store;

namespace InsatsFlow.Engine;

/// <summary>Who acts on a task: the user and the groups they belong to.</summary>
public sealed record TaskActor(string UserId, IReadOnlyCollection<string> Groups)
{
    public TaskActor(string userId, params string[] groups) : this(userId, (IReadOnlyCollection<string>)groups) { }
}

/// <summary>
/// The caller's own writes, made in the command's scope (resolve what you write with from <c>services</c>) before the
/// engine moves: they commit with the command, or not at all when it fails. A repeat by idempotency key does not run it.
/// </summary>
public delegate Task CommandWork(IServiceProvider services, CancellationToken ct);

/// <summary>Start an instance of the latest version of <paramref name="ProcessKey"/>.</summary>
public sealed record StartCommand(string ProcessKey)
{
    public string? BusinessKey { get; init; }
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }
    public string? UserId { get; init; }
    public string? IdempotencyKey { get; init; }

    /// <summary>The tenant the instance belongs to; without it, the variable <see cref="EngineOptions.TenantVariable"/> names it.</summary>
    public string? TenantId { get; init; }

    /// <summary>What the idempotency key's argument hash is taken over, when the business key or variables hold values the
    /// caller generates anew for each try (an id); default: business key and variables.</summary>
    public IReadOnlyDictionary<string, object?>? Arguments { get; init; }

    public CommandWork? Alongside { get; init; }
}

public sealed record CompleteTaskCommand(string TaskId, TaskActor Actor)
{
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }
    public string? IdempotencyKey { get; init; }

    /// <summary>The caller's writes that belong to completing the task (what a form says, into the domain). It runs before
    /// <see cref="Variables"/> are read, so it may add to them (the id of a row it made).</summary>
    public CommandWork? Alongside { get; init; }
}

/// <summary>Deliver a message to the instance waiting for it (name + business key), or start one by a message start event.</summary>
public sealed record CorrelateMessageCommand(string MessageName, string? BusinessKey)
{
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }
    public string? UserId { get; init; }
    public string? IdempotencyKey { get; init; }
}

/// <summary>What a command left behind: the instance, where its tokens are, and its open tasks.</summary>
public sealed record CommandResult(
    string? InstanceId,
    InstanceStatus? Status,
    IReadOnlyList<string> ActiveElements,
    IReadOnlyList<string> OpenTaskIds,
    bool AlreadyDone = false);

public sealed record DeployedDefinition(string Id, string Key, int Version, bool IsNew);

public sealed record DeploymentResult(string? ResourceName, IReadOnlyList<DeployedDefinition> Definitions);

/// <summary>An instance as it stands: row, tokens, variables.</summary>
public sealed record InstanceView(ProcessInstance Instance, IReadOnlyList<Runtime.Token> Tokens, IReadOnlyDictionary<string, object?> Variables);
