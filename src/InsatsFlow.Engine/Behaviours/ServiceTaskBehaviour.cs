using InsatsFlow.Engine.Expressions;
using InsatsFlow.Engine.Model;
using InsatsFlow.Engine.Runtime;

namespace InsatsFlow.Engine.Behaviours;

/// <summary>
/// Calls the handler registered under the task's name on a child of the command's unit of work, so the handler's own
/// database changes commit with the engine's — or, when it throws, none of them. A throw becomes an incident;
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
        var context = new ServiceTaskContext(live.Record.Id, live.Definition.Key, live.Record.BusinessKey, element.Id,
            x.Visible(live, token), element.Properties, x.Now);
        IReadOnlyDictionary<string, object?>? result;
        try
        {
            result = await x.StageAsync(services =>
            {
                var handlers = (IEnumerable<IServiceTaskHandler>?)services.GetService(typeof(IEnumerable<IServiceTaskHandler>)) ?? [];
                var handler = handlers.FirstOrDefault(h => h.Name == element.Handler)
                    ?? throw new InvalidOperationException("ingen hanterare med det namnet är registrerad");
                return handler.ExecuteAsync(context, x.Ct);
            });
        }
        catch (BpmnErrorException error)
        {
            await x.ThrowErrorAsync(live, token, error.ErrorCode, error.Message);
            return;
        }
        catch (Exception e) when (e is not (OperationCanceledException or EngineConflictException))
        {
            throw new EngineException($"Tjänsten {element.Handler} ({element.Id}) misslyckades: {e.Message}", e);
        }
        var output = new Dictionary<string, object?>();
        foreach (var (name, value) in result ?? new Dictionary<string, object?>()) output[name] = VariableValues.Normalize(name, value);
        x.SetVariables(live, output);
        x.Journal(live, element.Id, "service-completed", new() { ["handler"] = element.Handler, ["variables"] = output });
        await x.LeaveAsync(live, token);
    }
}
