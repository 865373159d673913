using InsatsFlow.Engine.Model;
using InsatsFlow.Engine.Runtime;

namespace InsatsFlow.Engine.Behaviours;

/// <summary>A start event passes its token on; what started it (none, message, timer) was handled by the command.</summary>
internal sealed class StartEventBehaviour : ElementBehaviour<StartEvent>
{
    protected override Task EnterAsync(Execution x, LiveInstance live, Token token, StartEvent element) => x.LeaveAsync(live, token);
}
