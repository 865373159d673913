namespace InsatsFlow.Engine.Store;

/// <summary>The first result of a command with this key; a repeat returns it without running again.</summary>
public sealed class IdempotencyRecord
{
    public required string Key { get; set; }
    public required string Command { get; set; }
    public required string ResultJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
