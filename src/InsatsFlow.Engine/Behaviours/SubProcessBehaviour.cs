using InsatsFlow.Engine.Model;
using InsatsFlow.Engine.Runtime;

namespace InsatsFlow.Engine.Behaviours;

/// <summary>The token waits as the scope while a child token runs the inner graph; when the last child ends, it leaves.</summary>
internal sealed class SubProcessBehaviour : ElementBehaviour<SubProcess>
{
    protected override Task EnterAsync(Execution x, LiveInstance live, Token token, SubProcess element)
    {
        token.Status = TokenStatus.Waiting;
        x.Spawn(live, element.StartEventId, token.Id);
        return Task.CompletedTask;
    }

    protected override Task TriggerAsync(Execution x, LiveInstance live, Token token, SubProcess element, Trigger trigger) =>
        trigger is ScopeCompleted ? x.LeaveAsync(live, token) : base.TriggerAsync(x, live, token, element, trigger);
}
