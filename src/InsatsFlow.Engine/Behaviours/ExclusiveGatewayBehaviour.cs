using InsatsFlow.Engine.Model;
using InsatsFlow.Engine.Runtime;

namespace InsatsFlow.Engine.Behaviours;

/// <summary>Takes the first outgoing flow whose condition holds, else the default flow, else an incident.</summary>
internal sealed class ExclusiveGatewayBehaviour : ElementBehaviour<ExclusiveGateway>
{
    protected override Task EnterAsync(Execution x, LiveInstance live, Token token, ExclusiveGateway element)
    {
        foreach (var flow in element.Outgoing)
        {
            if (flow.Id == element.DefaultFlowId) continue;
            if (flow.Condition is null || flow.Condition.EvaluateCondition(x.Host, x.Lookup(live, token), x.Now))
                return x.LeaveAsync(live, token, [flow]);
        }
        var fallback = element.Outgoing.FirstOrDefault(f => f.Id == element.DefaultFlowId)
            ?? throw new EngineException($"Inget villkor efter {element.Id} är sant och gatewayen har inget standardflöde.");
        return x.LeaveAsync(live, token, [fallback]);
    }
}
