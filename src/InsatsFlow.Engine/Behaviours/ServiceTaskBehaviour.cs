using InsatsFlow.Engine.Expressions;
using InsatsFlow.Engine.Model;
using InsatsFlow.Engine.Runtime;

namespace InsatsFlow.Engine.Behaviours;

/// <summary>
/// Calls the handler registered under the task's name, in the command's DI scope, so the handler's own
/// database changes commit with the engine's. A throw becomes an incident (its changes are discarded);
/// a <see cref="BpmnErrorException"/> goes to an error boundary. A sendTask without handler just passes.
/// </summary>
internal sealed class ServiceTaskBehaviour : ElementBehaviour<ServiceTask>
{
    protected override async Task EnterAsync(Execution x, LiveInstance live, Token token, ServiceTask element)
    {
        if (element.Handler is null)
        {
            await x.LeaveAsync(live, token);
            return;
        }
        var handlers = (IEnumerable<IServiceTaskHandler>?)x.Services.GetService(typeof(IEnumerable<IServiceTaskHandler>)) ?? [];
        var handler = handlers.FirstOrDefault(h => h.Name == element.Handler)
            ?? throw new EngineException($"Ingen tjänstehanterare heter {element.Handler} ({element.Id}).");

        var variables = new Dictionary<string, object?>(live.State.Variables);
        for (var t = token; t is not null; t = live.FindToken(t.ParentId))
            foreach (var (k, v) in t.Locals ?? []) variables.TryAdd(k, v);
        var context = new ServiceTaskContext(live.Record.Id, live.Definition.Key, live.Record.BusinessKey, element.Id, variables, element.Properties, x.Now);

        var savepoint = x.Store.Savepoint();
        IReadOnlyDictionary<string, object?>? result;
        try
        {
            result = await handler.ExecuteAsync(context, x.Ct);
        }
        catch (BpmnErrorException error)
        {
            x.Store.RollbackTo(savepoint);
            await x.ThrowErrorAsync(live, token, error.ErrorCode, error.Message);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            x.Store.RollbackTo(savepoint);
            throw new EngineException($"Tjänsten {element.Handler} ({element.Id}) misslyckades: {e.Message}", e);
        }
        var output = new Dictionary<string, object?>();
        foreach (var (name, value) in result ?? new Dictionary<string, object?>()) output[name] = VariableValues.Normalize(name, value);
        x.SetVariables(live, output);
        x.Journal(live, element.Id, "service-completed", new() { ["handler"] = element.Handler, ["variables"] = output });
        await x.LeaveAsync(live, token);
    }
}
