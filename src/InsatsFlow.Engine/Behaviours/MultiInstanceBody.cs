using System.Collections;
using InsatsFlow.Engine.Model;
using InsatsFlow.Engine.Runtime;

namespace InsatsFlow.Engine.Behaviours;

/// <summary>
/// multiInstanceLoopCharacteristics around any activity: the arriving token becomes the body and waits; one inner
/// token per item runs the activity (all at once, or one after another when sequential). The body leaves when all finished.
/// </summary>
internal static class MultiInstanceBody
{
    public static async Task EnterAsync(Execution x, LiveInstance live, Token body, FlowElement element)
    {
        var mi = element.MultiInstance!;
        var items = x.Evaluate(live, body, mi.Collection) switch
        {
            null => [],
            string s => throw new EngineException($"{element.Id}: samlingen {mi.Collection.Text} är text, inte en lista."),
            IEnumerable list => list.Cast<object?>().Select(i => Expressions.VariableValues.FromExpression(mi.ElementVariable, i)).ToList(),
            var other => throw new EngineException($"{element.Id}: samlingen {mi.Collection.Text} är {other.GetType().Name}, inte en lista."),
        };
        if (items.Count == 0)
        {
            await x.LeaveAsync(live, body);
            return;
        }
        body.Status = TokenStatus.Waiting;
        body.Items = items;
        body.Started = 0;
        body.Finished = 0;
        var parallel = mi.Sequential ? 1 : items.Count;
        for (var i = 0; i < parallel; i++) StartNext(x, live, body, element);
    }

    private static void StartNext(Execution x, LiveInstance live, Token body, FlowElement element)
    {
        var index = body.Started++;
        var inner = x.Spawn(live, element.Id, body.Id);
        inner.Inner = true;
        inner.Locals = new Dictionary<string, object?>
        {
            [element.MultiInstance!.ElementVariable] = body.Items![index],
            ["loopCounter"] = (long)index,
        };
    }

    public static async Task InnerFinishedAsync(Execution x, LiveInstance live, Token inner)
    {
        live.State.Tokens.Remove(inner);
        var body = live.FindToken(inner.ParentId) ?? throw new EngineException($"Multi-instansens kropp för {inner.ElementId} saknas.");
        body.Finished++;
        var element = live.Model[body.ElementId];
        if (body.Finished >= body.Items!.Count)
        {
            body.Items = null;
            await x.LeaveAsync(live, body);
        }
        else if (element.MultiInstance!.Sequential)
        {
            StartNext(x, live, body, element);
        }
    }
}
