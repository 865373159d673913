using InsatsFlow.Engine.Store;

namespace InsatsFlow.Engine.Runtime;

/// <summary>What ends a token's wait.</summary>
internal abstract record Trigger;

internal sealed record TaskCompleted(IReadOnlyDictionary<string, object?> Variables) : Trigger;

internal sealed record TimerFired(TimerJob Timer) : Trigger;

internal sealed record MessageReceived(string MessageName, IReadOnlyDictionary<string, object?> Variables) : Trigger;

/// <summary>The last token inside a scope (subProcess) has ended.</summary>
internal sealed record ScopeCompleted : Trigger;

internal sealed record CalledInstanceCompleted(IReadOnlyDictionary<string, object?> Variables) : Trigger;
