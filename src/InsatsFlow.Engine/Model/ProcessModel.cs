namespace InsatsFlow.Engine.Model;

/// <summary>One executable process parsed from a BPMN file: its elements, flows and expressions.</summary>
public sealed class ProcessModel
{
    public required string Key { get; init; }
    public string? Name { get; init; }
    public required IReadOnlyDictionary<string, FlowElement> Elements { get; init; }
    public required IReadOnlyDictionary<string, SequenceFlow> Flows { get; init; }

    public FlowElement this[string id] =>
        Elements.TryGetValue(id, out var e) ? e : throw new EngineException($"Elementet {id} finns inte i processen {Key}.");

    public IEnumerable<StartEvent> StartEvents(string? scopeId = null) =>
        Elements.Values.OfType<StartEvent>().Where(s => s.ScopeId == scopeId);

    public StartEvent NoneStartEvent =>
        StartEvents().FirstOrDefault(s => s.Trigger is null)
        ?? throw new EngineException($"Processen {Key} har ingen vanlig starthändelse; den startas av ett meddelande eller en timer.");

    /// <summary>Whether a token at <paramref name="fromId"/> could still reach <paramref name="toId"/> (inclusive join).</summary>
    public bool CanReach(string fromId, string toId)
    {
        var seen = new HashSet<string>();
        var stack = new Stack<string>();
        stack.Push(fromId);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (!seen.Add(id)) continue;
            var element = this[id];
            foreach (var flow in element.Outgoing)
            {
                if (flow.TargetId == toId) return true;
                stack.Push(flow.TargetId);
            }
            foreach (var boundary in element.Boundaries) stack.Push(boundary.Id);
        }
        return false;
    }
}
