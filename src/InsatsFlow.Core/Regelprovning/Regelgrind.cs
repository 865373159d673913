using InsatsFlow.Core.Installation;
using InsatsFlow.Engine;
using InsatsFlow.Rules.Decisions;
using InsatsFlow.Rules.Evaluation;
using InsatsFlow.Rules.Input;

namespace InsatsFlow.Core.Regelprovning;

/// <summary>
/// A businessRuleTask in a lifecycle process: the version in force (or pinned) is chosen, the views its indata names
/// are built from the domain as it stands (<see cref="Regelunderlag"/>), laid over the instance's variables, and
/// evaluated and recorded by <see cref="RuleDecisionEvaluator"/>. So a gate for a new regelverk needs only its
/// rule file and the BPMN element. The förbund's own values of the parameters its förbundsordning sets go with the
/// input (<see cref="Forbundsparametrar"/>).
/// </summary>
public sealed class Regelgrind(RuleEvaluator regler, Regelunderlag underlag, RuleDecisionEvaluator provning, Forbundsparametrar parametrar) : IDecisionEvaluator
{
    public async Task<DecisionResult> EvaluateAsync(DecisionRequest request, CancellationToken cancellationToken)
    {
        var fil = regler.Choose(request.DecisionRef, request.AsOf, request.Version);
        var vyer = await underlag.ByggAsync(fil, request.Variables, cancellationToken);
        var variabler = new Dictionary<string, object?>(request.Variables);
        foreach (var (namn, varde) in vyer) variabler[namn] = varde;
        if (fil.Forbundsparametrar.Count > 0 && Processvariabler.Guid(request.Variables, Processvariabler.ForbundId) is { } forbundId
            && await parametrar.ForbundetsAsync(forbundId, fil.Regelverk, cancellationToken) is { Count: > 0 } egna)
            variabler[ParameterValues.Forbundets] = egna.Where(e => fil.Forbundsparametrar.Contains(e.Key)).ToDictionary(e => e.Key, e => (object?)e.Value);
        return await provning.EvaluateAsync(request with { Variables = variabler, Version = fil.Version }, cancellationToken);
    }
}
