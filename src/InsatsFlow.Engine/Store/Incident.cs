namespace InsatsFlow.Engine.Store;

/// <summary>A token that could not go on (a failing handler, rule evaluation or expression); retryable.</summary>
public sealed class Incident
{
    public required string Id { get; set; }
    public required string InstanceId { get; set; }
    public required string TokenId { get; set; }
    public required string ElementId { get; set; }
    public required string Message { get; set; }

    /// <summary>Whose data this is (the host's tenant; the engine only stamps and carries it). Null: nobody's in particular.</summary>
    public string? TenantId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}
