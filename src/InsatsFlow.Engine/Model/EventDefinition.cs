namespace InsatsFlow.Engine.Model;

public abstract record EventDefinition;

public enum TimerKind { Date, Duration, Cycle }

public sealed record TimerDefinition(TimerKind Kind, TextValue Value) : EventDefinition;

public sealed record MessageDefinition(string MessageName) : EventDefinition;

/// <summary>An error code; null on a boundary catches every error.</summary>
public sealed record ErrorDefinition(string? ErrorCode) : EventDefinition;

public sealed record TerminateDefinition : EventDefinition;
