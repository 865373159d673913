using InsatsFlow.Engine.Model;
using InsatsFlow.Engine.Runtime;

namespace InsatsFlow.Engine.Behaviours;

/// <summary>Work done outside the system: recorded in the journal, and the token passes.</summary>
internal sealed class ManualTaskBehaviour : ElementBehaviour<ManualTask>
{
    protected override Task EnterAsync(Execution x, LiveInstance live, Token token, ManualTask element) => x.LeaveAsync(live, token);
}
