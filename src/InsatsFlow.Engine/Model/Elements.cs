namespace InsatsFlow.Engine.Model;

// Plain data per element kind. Behaviour lives in Behaviours/, one class per kind.

public sealed class StartEvent : FlowElement { public EventDefinition? Trigger { get; init; } }

public sealed class EndEvent : FlowElement { public EventDefinition? Result { get; init; } }

public sealed class IntermediateCatchEvent : FlowElement { public required EventDefinition Trigger { get; init; } }

public sealed class BoundaryEvent : FlowElement
{
    public required string AttachedToId { get; init; }
    public bool Interrupting { get; init; } = true;
    public required EventDefinition Trigger { get; init; }
}

public sealed class UserTask : FlowElement
{
    public TextValue? Assignee { get; init; }
    public TextValue? CandidateUsers { get; init; }
    public TextValue? CandidateGroups { get; init; }
    public TextValue? DueDate { get; init; }
    /// <summary>camunda:formKey, or camunda:formRef (a versioned form).</summary>
    public string? FormKey { get; init; }

    /// <summary>For camunda:formRef: latest, deployment or version (Camunda's bindings); null for a plain formKey.</summary>
    public string? FormRefBinding { get; init; }

    /// <summary>camunda:formRefVersion, with binding "version".</summary>
    public int? FormRefVersion { get; init; }
}

/// <summary>serviceTask and sendTask: a named handler; a sendTask without handler just passes.</summary>
public sealed class ServiceTask : FlowElement { public string? Handler { get; init; } }

/// <summary>manualTask, and an abstract task (BPMN's plain <c>task</c>): the token passes.</summary>
public sealed class ManualTask : FlowElement;

/// <summary>receiveTask: waits for its message, like a message catch event, but is an activity (boundaries, multi-instance).</summary>
public sealed class ReceiveTask : FlowElement { public required string MessageName { get; init; } }

public sealed class BusinessRuleTask : FlowElement
{
    public required string DecisionRef { get; init; }
    public string? Version { get; init; }
    public required string ResultVariable { get; init; }
    public TextValue? AsOf { get; init; }
}

public sealed class ExclusiveGateway : FlowElement { public string? DefaultFlowId { get; init; } }

public sealed class InclusiveGateway : FlowElement { public string? DefaultFlowId { get; init; } }

public sealed class ParallelGateway : FlowElement;

public sealed class EventBasedGateway : FlowElement;

public sealed class SubProcess : FlowElement { public required string StartEventId { get; init; } }

public sealed class CallActivity : FlowElement
{
    public required string CalledElement { get; init; }
    /// <summary>camunda:in/out source→target; empty means all variables.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> In { get; init; } = [];
    public IReadOnlyList<KeyValuePair<string, string>> Out { get; init; } = [];
}
