namespace InsatsFlow.Engine.Store;

/// <summary>One step of an instance, hash-chained to the one before: Hash = SHA-256(PreviousHash + canonical entry).</summary>
public sealed class JournalEntry
{
    public required string InstanceId { get; set; }
    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ElementId { get; set; }
    public required string Event { get; set; }
    public string? UserId { get; set; }

    /// <summary>Whose data this is (the host's tenant; the engine only stamps and carries it). Null: nobody's in particular.</summary>
    public string? TenantId { get; set; }
    public string Payload { get; set; } = "{}";
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}
