using InsatsFlow.Engine.Model;
using InsatsFlow.Engine.Runtime;

namespace InsatsFlow.Engine.Behaviours;

/// <summary>
/// Join: waits until no other token of the scope can still reach the gateway (see <see cref="InclusiveJoin"/>).
/// Fork: every outgoing flow whose condition holds, else the default flow.
/// </summary>
internal sealed class InclusiveGatewayBehaviour : ElementBehaviour<InclusiveGateway>
{
    protected override Task EnterAsync(Execution x, LiveInstance live, Token token, InclusiveGateway element)
    {
        if (element.Incoming.Count > 1 && !token.Joined)
        {
            token.Status = TokenStatus.Waiting;
            return Task.CompletedTask;
        }
        var chosen = element.Outgoing
            .Where(f => f.Id != element.DefaultFlowId)
            .Where(f => f.Condition is null || f.Condition.EvaluateCondition(x.Host, x.Lookup(live, token), x.Now))
            .ToList();
        if (chosen.Count == 0)
            chosen.Add(element.Outgoing.FirstOrDefault(f => f.Id == element.DefaultFlowId)
                ?? throw new EngineException($"Inget villkor efter {element.Id} är sant och gatewayen har inget standardflöde."));
        return x.LeaveAsync(live, token, chosen);
    }
}

/// <summary>Fires inclusive joins once nothing else in their scope can arrive.</summary>
internal static class InclusiveJoin
{
    public static bool FireWhereNothingElseCanArrive(Execution x, LiveInstance live)
    {
        var fired = false;
        var waiting = live.State.Tokens
            .Where(t => t.Status == TokenStatus.Waiting && !t.Joined && live.Model[t.ElementId] is InclusiveGateway { Incoming.Count: > 1 })
            .GroupBy(t => (t.ElementId, t.ParentId))
            .ToList();
        foreach (var group in waiting)
        {
            var (gatewayId, scope) = group.Key;
            var others = live.State.Tokens.Where(t => t.ParentId == scope && t.ElementId != gatewayId);
            if (others.Any(t => live.Model.CanReach(t.ElementId, gatewayId))) continue;
            var first = group.First();
            foreach (var merged in group.Skip(1)) live.State.Tokens.Remove(merged);
            first.Joined = true;
            first.Status = TokenStatus.Ready;
            live.Ready.Enqueue(first);
            live.Changed = true;
            fired = true;
        }
        return fired;
    }
}
