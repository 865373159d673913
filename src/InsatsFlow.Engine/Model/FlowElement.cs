using InsatsFlow.Engine.Expressions;
namespace InsatsFlow.Engine.Model;

/// <summary>A node of a process graph: an event, an activity or a gateway, as parsed from BPMN.</summary>
public abstract class FlowElement
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public int Line { get; init; }

    /// <summary>The embedded subProcess this element lives in; null at process level.</summary>
    public string? ScopeId { get; init; }

    public List<SequenceFlow> Incoming { get; } = [];
    public List<SequenceFlow> Outgoing { get; } = [];
    public List<BoundaryEvent> Boundaries { get; } = [];
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
    public MultiInstance? MultiInstance { get; init; }

    /// <summary>The BPMN tag name (userTask, exclusiveGateway, …), used in messages and migration checks.</summary>
    public required string Kind { get; init; }

    public override string ToString() => $"{Kind} {Id}";
}

/// <summary>A sequence flow; only flows leaving exclusive or inclusive gateways carry conditions.</summary>
public sealed class SequenceFlow
{
    public required string Id { get; init; }
    public required string SourceId { get; init; }
    public required string TargetId { get; init; }
    public int Line { get; init; }
    public EngineExpression? Condition { get; init; }
}

/// <summary>multiInstanceLoopCharacteristics: one inner execution per item of a collection.</summary>
public sealed class MultiInstance
{
    public bool Sequential { get; init; }
    public required EngineExpression Collection { get; init; }
    public string ElementVariable { get; init; } = "item";
}
