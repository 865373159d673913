namespace InsatsFlow.Engine;

/// <summary>
/// A named handler for serviceTask/sendTask (camunda:type or camunda:delegateExpression="${name}").
/// Handlers are resolved from a child scope of the command's unit of work (<see cref="Store.IUnitOfWork.StageAsync"/>), so
/// their database changes commit in the same transaction as the engine's state — or, when they throw, none of them do.
/// Throwing puts the token in an incident.
/// </summary>
public interface IServiceTaskHandler
{
    string Name { get; }

    /// <returns>Variables to set on the instance, or null for none.</returns>
    Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken);
}

public sealed record ServiceTaskContext(
    string ProcessInstanceId,
    string ProcessDefinitionKey,
    string? BusinessKey,
    string ElementId,
    IReadOnlyDictionary<string, object?> Variables,
    IReadOnlyDictionary<string, string> Properties,
    DateTimeOffset Now);
