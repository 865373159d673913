using InsatsFlow.Engine.Expressions;
using InsatsFlow.Engine.Model;
using InsatsFlow.Engine.Runtime;

namespace InsatsFlow.Engine.Behaviours;

/// <summary>
/// Evaluates the rule set named by camunda:decisionRef through the host's <see cref="IDecisionEvaluator"/> and
/// stores {passed, output, evaluationId} in the result variable; the process routes on it with a gateway.
/// </summary>
internal sealed class BusinessRuleTaskBehaviour : ElementBehaviour<BusinessRuleTask>
{
    protected override async Task EnterAsync(Execution x, LiveInstance live, Token token, BusinessRuleTask element)
    {
        var asOf = x.Evaluate(live, token, element.AsOf) switch
        {
            null => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(x.Now, x.Host.TimeZone).DateTime),
            DateOnly d => d,
            DateTimeOffset t => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(t, x.Host.TimeZone).DateTime),
            string s when DateOnly.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
            var other => throw new EngineException($"{element.Id}: asOf gav {other}, inte ett datum."),
        };
        var request = new DecisionRequest(element.DecisionRef, element.Version, asOf, x.Visible(live, token), live.Record.Id, element.Id);
        DecisionResult result;
        try
        {
            // on a child of the command's unit: the evaluation record it writes commits with the step, or not at all
            result = await x.StageAsync(services =>
            {
                var evaluator = (IDecisionEvaluator?)services.GetService(typeof(IDecisionEvaluator))
                    ?? throw new InvalidOperationException("ingen regelutvärderare är registrerad");
                return evaluator.EvaluateAsync(request, x.Ct);
            });
        }
        catch (Exception e) when (e is not (OperationCanceledException or EngineConflictException))
        {
            throw new EngineException($"Regelverket {element.DecisionRef} ({element.Id}) kunde inte utvärderas: {e.Message}", e);
        }
        var value = new Dictionary<string, object?>
        {
            ["passed"] = result.Passed,
            ["output"] = VariableValues.Normalize(element.ResultVariable, result.Output),
            ["evaluationId"] = result.EvaluationId,
        };
        x.SetVariables(live, new Dictionary<string, object?> { [element.ResultVariable] = value });
        x.Journal(live, element.Id, "decision-evaluated", new() { ["decisionRef"] = element.DecisionRef, ["version"] = element.Version, ["result"] = value });
        await x.LeaveAsync(live, token);
    }
}
