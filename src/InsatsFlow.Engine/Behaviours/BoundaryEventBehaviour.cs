using InsatsFlow.Engine.Model;
using InsatsFlow.Engine.Runtime;
using InsatsFlow.Engine.Time;

namespace InsatsFlow.Engine.Behaviours;

/// <summary>
/// A timer or message on an activity: interrupting cancels the activity and leaves by the boundary's flow;
/// non-interrupting starts a second path and the activity keeps waiting (a cycle re-arms itself).
/// </summary>
internal sealed class BoundaryEventBehaviour : ElementBehaviour<BoundaryEvent>
{
    protected override Task EnterAsync(Execution x, LiveInstance live, Token token, BoundaryEvent element) => x.LeaveAsync(live, token);

    protected override async Task TriggerAsync(Execution x, LiveInstance live, Token activityToken, BoundaryEvent element, Trigger trigger)
    {
        if (trigger is MessageReceived message) x.SetVariables(live, message.Variables);
        if (!element.Interrupting && trigger is TimerFired { Timer: { Period: { } period } fired }
            && TimerSchedule.Next(fired.DueAt, period, fired.Repeats, x.Now, x.Registry.Options.CycleMisfire, x.Registry.Options.MisfireThreshold) is { } next)
            x.AddTimer(live.Definition.Id, live.Record.Id, activityToken, element.Id, next);
        if (!element.Interrupting && trigger is MessageReceived)
            x.Subscribe(live, activityToken, element.Id, ((MessageDefinition)element.Trigger).MessageName);
        await x.TakeBoundaryAsync(live, activityToken, element);
    }
}
