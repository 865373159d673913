namespace InsatsFlow.Engine.Store;

/// <summary>A token waiting for a message with this name (and the instance's business key).</summary>
public sealed class MessageSubscription
{
    public required string Id { get; set; }
    public required string InstanceId { get; set; }
    public required string TokenId { get; set; }
    public required string ElementId { get; set; }
    public required string MessageName { get; set; }
    public string? BusinessKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
