using InsatsFlow.Engine;
using InsatsFlow.Rules.Decisions;

namespace InsatsFlow.Core.Regelprovning;

/// <summary>
/// The businessRuleTask's evaluator in InsatsFlow: the rule input is built from the domain
/// (<see cref="Regelunderlag"/>), laid over the instance's variables, and handed to the rules.
/// </summary>
public sealed class DomanensRegelprovning(Regelunderlag underlag, RuleDecisionEvaluator regler) : IDecisionEvaluator
{
    public async Task<DecisionResult> EvaluateAsync(DecisionRequest request, CancellationToken cancellationToken)
    {
        var variabler = new Dictionary<string, object?>(request.Variables);
        foreach (var (namn, varde) in await underlag.ByggAsync(request.DecisionRef, request.Variables, cancellationToken))
            variabler[namn] = varde;
        return await regler.EvaluateAsync(request with { Variables = variabler }, cancellationToken);
    }
}
