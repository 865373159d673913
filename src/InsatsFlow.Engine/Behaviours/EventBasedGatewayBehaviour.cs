using InsatsFlow.Engine.Model;
using InsatsFlow.Engine.Runtime;

namespace InsatsFlow.Engine.Behaviours;

/// <summary>Waits for whichever following event happens first; the catch event that fires takes the token.</summary>
internal sealed class EventBasedGatewayBehaviour : ElementBehaviour<EventBasedGateway>
{
    protected override async Task EnterAsync(Execution x, LiveInstance live, Token token, EventBasedGateway element)
    {
        token.Status = TokenStatus.Waiting;
        foreach (var flow in element.Outgoing)
        {
            var target = (IntermediateCatchEvent)live.Model[flow.TargetId];
            switch (target.Trigger)
            {
                case TimerDefinition timer: await x.ArmTimerAsync(live, token, target.Id, timer); break;
                case MessageDefinition message: x.Subscribe(live, token, target.Id, message.MessageName); break;
            }
        }
    }
}
