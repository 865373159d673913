using InsatsFlow.Engine.Store;

namespace InsatsFlow.Engine;

/// <summary>Who acts on a task: the user and the groups they belong to.</summary>
public sealed record TaskActor(string UserId, IReadOnlyCollection<string> Groups)
{
    public TaskActor(string userId, params string[] groups) : this(userId, (IReadOnlyCollection<string>)groups) { }
}

/// <summary>Start an instance of the latest version of <paramref name="ProcessKey"/>.</summary>
public sealed record StartCommand(string ProcessKey)
{
    public string? BusinessKey { get; init; }
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }
    public string? UserId { get; init; }
    public string? IdempotencyKey { get; init; }
}

public sealed record CompleteTaskCommand(string TaskId, TaskActor Actor)
{
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }
    public string? IdempotencyKey { get; init; }
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
