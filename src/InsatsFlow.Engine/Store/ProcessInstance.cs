namespace InsatsFlow.Engine.Store;

public enum InstanceStatus { Running, Completed, Cancelled }

/// <summary>A running (or ended) process instance. Its tokens and variables are one JSON document.</summary>
public sealed class ProcessInstance
{
    public required string Id { get; set; }
    public required string DefinitionId { get; set; }
    public required string DefinitionKey { get; set; }
    public int DefinitionVersion { get; set; }
    public string? BusinessKey { get; set; }
    public InstanceStatus Status { get; set; }
    public string StateJson { get; set; } = "{}";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? StartedBy { get; set; }
    public string? ParentInstanceId { get; set; }
    public string? ParentTokenId { get; set; }

    /// <summary>Whose data this is (the host's tenant; the engine only stamps and carries it). Null: nobody's in particular.</summary>
    public string? TenantId { get; set; }

    /// <summary>Optimistic concurrency token: every command that changes the instance increments it.</summary>
    public long Version { get; set; }

    public long JournalSequence { get; set; }
    public string JournalHash { get; set; } = "";
}
