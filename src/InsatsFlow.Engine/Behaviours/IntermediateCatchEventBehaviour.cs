using InsatsFlow.Engine.Model;
using InsatsFlow.Engine.Runtime;

namespace InsatsFlow.Engine.Behaviours;

/// <summary>Waits for its timer or message. After an event-based gateway it takes the gateway's token when it fires first.</summary>
internal sealed class IntermediateCatchEventBehaviour : ElementBehaviour<IntermediateCatchEvent>
{
    protected override async Task EnterAsync(Execution x, LiveInstance live, Token token, IntermediateCatchEvent element)
    {
        token.Status = TokenStatus.Waiting;
        switch (element.Trigger)
        {
            case TimerDefinition timer: await x.ArmTimerAsync(live, token, element.Id, timer); break;
            case MessageDefinition message: x.Subscribe(live, token, element.Id, message.MessageName); break;
        }
    }

    protected override async Task TriggerAsync(Execution x, LiveInstance live, Token token, IntermediateCatchEvent element, Trigger trigger)
    {
        if (trigger is MessageReceived message) x.SetVariables(live, message.Variables);
        if (token.ElementId != element.Id)
        {
            // after an event-based gateway: the other events are withdrawn and this one takes the token
            await x.ReleaseAsync(live, token);
            token.ElementId = element.Id;
            x.Journal(live, element.Id, "element-entered", null);
        }
        await x.LeaveAsync(live, token);
    }
}
