namespace InsatsFlow.Engine.Store;

public enum TimerState { Pending, Fired, Cancelled }

/// <summary>A timer row. A start timer has no instance; a boundary timer points at the activity's token.</summary>
public sealed class TimerJob
{
    public required string Id { get; set; }
    public string? InstanceId { get; set; }
    public required string DefinitionId { get; set; }
    public string? TokenId { get; set; }
    public required string ElementId { get; set; }
    public DateTimeOffset DueAt { get; set; }

    /// <summary>ISO period of a cycle and repetitions left (-1 for ever); null for a one-shot timer.</summary>
    public string? Period { get; set; }
    public int Repeats { get; set; }
    public TimerState State { get; set; }
    public DateTimeOffset? FiredAt { get; set; }
    public long Version { get; set; }
}
