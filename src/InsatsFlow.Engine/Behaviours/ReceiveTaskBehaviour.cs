using InsatsFlow.Engine.Model;
using InsatsFlow.Engine.Runtime;

namespace InsatsFlow.Engine.Behaviours;

/// <summary>Waits for its message; the message's variables join the instance and the token passes.</summary>
internal sealed class ReceiveTaskBehaviour : ElementBehaviour<ReceiveTask>
{
    protected override Task EnterAsync(Execution x, LiveInstance live, Token token, ReceiveTask element)
    {
        token.Status = TokenStatus.Waiting;
        x.Subscribe(live, token, element.Id, element.MessageName);
        return Task.CompletedTask;
    }

    protected override async Task TriggerAsync(Execution x, LiveInstance live, Token token, ReceiveTask element, Trigger trigger)
    {
        if (trigger is MessageReceived message) x.SetVariables(live, message.Variables);
        await x.LeaveAsync(live, token);
    }
}
