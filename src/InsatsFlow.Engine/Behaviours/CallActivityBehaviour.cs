using InsatsFlow.Engine.Model;
using InsatsFlow.Engine.Runtime;

namespace InsatsFlow.Engine.Behaviours;

/// <summary>
/// Starts the latest version of the called process as a child instance (same command, same transaction) and
/// waits for it. Variables go in and out by camunda:in/out, or all of them when none is given.
/// </summary>
internal sealed class CallActivityBehaviour : ElementBehaviour<CallActivity>
{
    protected override async Task EnterAsync(Execution x, LiveInstance live, Token token, CallActivity element)
    {
        var definition = await x.Store.FindLatestDefinitionAsync(element.CalledElement, x.Ct)
            ?? throw new EngineException($"{element.Id} anropar processen {element.CalledElement}, som inte är driftsatt.");
        var model = x.Registry.Get(definition);
        var visible = x.Visible(live, token);
        var input = element.In.Count == 0 ? visible
            : element.In.Where(m => visible.ContainsKey(m.Key)).ToDictionary(m => m.Value, m => visible[m.Key]);
        var child = x.CreateInstance(definition, model, live.Record.BusinessKey, input, live.Record.Id, token.Id);
        token.Status = TokenStatus.Waiting;
        token.CalledInstanceId = child.Record.Id;
        x.Spawn(child, model.NoneStartEvent.Id, null);
    }

    protected override async Task TriggerAsync(Execution x, LiveInstance live, Token token, CallActivity element, Trigger trigger)
    {
        if (trigger is not CalledInstanceCompleted completed)
        {
            await base.TriggerAsync(x, live, token, element, trigger);
            return;
        }
        var output = element.Out.Count == 0 ? completed.Variables.ToDictionary()
            : element.Out.Where(m => completed.Variables.ContainsKey(m.Key)).ToDictionary(m => m.Value, m => completed.Variables[m.Key]);
        x.SetVariables(live, output);
        token.CalledInstanceId = null;
        await x.LeaveAsync(live, token);
    }
}
