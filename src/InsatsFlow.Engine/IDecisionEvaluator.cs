namespace InsatsFlow.Engine;

/// <summary>
/// What a businessRuleTask calls (camunda:decisionRef). The engine knows no rule format; the host
/// plugs in an evaluator (InsatsFlow.Rules) and the result goes to the task's result variable.
/// </summary>
public interface IDecisionEvaluator
{
    Task<DecisionResult> EvaluateAsync(DecisionRequest request, CancellationToken cancellationToken);
}

/// <param name="DecisionRef">camunda:decisionRef — the name of the rule set.</param>
/// <param name="Version">camunda:decisionRefVersion when camunda:decisionRefBinding="version", else null (the version in force on <paramref name="AsOf"/>).</param>
/// <param name="AsOf">The date the evaluation is about.</param>
/// <param name="Variables">The instance's variables (JSON-like values: string, number, bool, lists, dictionaries).</param>
public sealed record DecisionRequest(
    string DecisionRef,
    string? Version,
    DateOnly AsOf,
    IReadOnlyDictionary<string, object?> Variables,
    string ProcessInstanceId,
    string ElementId);

/// <param name="Passed">False when a blocking rule failed. The process routes on the result variable with a gateway;
/// an evaluator that throws becomes an incident.</param>
/// <param name="Output">Stored in the task's result variable (JSON-like values).</param>
/// <param name="EvaluationId">The stored evaluation record, so the journal can point at it.</param>
public sealed record DecisionResult(bool Passed, IReadOnlyDictionary<string, object?> Output, string? EvaluationId);
