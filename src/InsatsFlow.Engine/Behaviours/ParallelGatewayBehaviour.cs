using InsatsFlow.Engine.Model;
using InsatsFlow.Engine.Runtime;

namespace InsatsFlow.Engine.Behaviours;

/// <summary>Join: waits until a token has arrived on every incoming flow, then merges them. Fork: one token per outgoing flow.</summary>
internal sealed class ParallelGatewayBehaviour : ElementBehaviour<ParallelGateway>
{
    protected override Task EnterAsync(Execution x, LiveInstance live, Token token, ParallelGateway element)
    {
        if (element.Incoming.Count > 1)
        {
            token.Status = TokenStatus.Waiting;
            var waiting = live.State.Tokens
                .Where(t => t.ElementId == element.Id && t.ParentId == token.ParentId && t.Status == TokenStatus.Waiting)
                .ToList();
            var onePerFlow = element.Incoming
                .Select(f => f.Id == token.ArrivedVia ? token : waiting.FirstOrDefault(t => t.ArrivedVia == f.Id))
                .ToList();
            if (onePerFlow.Any(t => t is null)) return Task.CompletedTask;
            foreach (var merged in onePerFlow.Where(t => t != token)) live.State.Tokens.Remove(merged!);
        }
        return x.LeaveAsync(live, token);
    }
}
