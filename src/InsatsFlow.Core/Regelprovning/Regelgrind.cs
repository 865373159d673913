using InsatsFlow.Engine;
using InsatsFlow.Rules.Decisions;
using InsatsFlow.Rules.Evaluation;

namespace InsatsFlow.Core.Regelprovning;

/// <summary>
/// A businessRuleTask in a lifecycle process: the version in force (or pinned) is chosen, the views its indata names
/// are built from the domain as it stands (<see cref="Regelunderlag"/>), laid over the instance's variables, and
/// evaluated and recorded by <see cref="RuleDecisionEvaluator"/>. So a gate for a new regelverk needs only its
/// rule file and the BPMN element.
/// </summary>
public sealed class Regelgrind(RuleEvaluator regler, Regelunderlag underlag, RuleDecisionEvaluator provning) : IDecisionEvaluator
{
    public async Task<DecisionResult> EvaluateAsync(DecisionRequest request, CancellationToken cancellationToken)
    {
        var fil = regler.Choose(request.DecisionRef, request.AsOf, request.Version);
        var vyer = await underlag.ByggAsync(fil, request.Variables, cancellationToken);
        var variabler = new Dictionary<string, object?>(request.Variables);
        foreach (var (namn, varde) in vyer) variabler[namn] = varde;
        return await provning.EvaluateAsync(request with { Variables = variabler, Version = fil.Version }, cancellationToken);
    }
}
