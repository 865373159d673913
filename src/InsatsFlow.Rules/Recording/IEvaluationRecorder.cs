using InsatsFlow.Rules.Evaluation;

namespace InsatsFlow.Rules.Recording;

/// <summary>Stores every evaluation a process step makes, so a decision can be re-checked years later.</summary>
public interface IEvaluationRecorder
{
    /// <returns>The id of the stored record.</returns>
    Task<string> RecordAsync(RuleSetResult result, EvaluationContext context, CancellationToken cancellationToken);
}

/// <summary>Reads the stored evaluations back: "why was this insats approved in 2026?"</summary>
public interface IEvaluationStore : IEvaluationRecorder
{
    Task<StoredEvaluation?> FindAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredEvaluation>> ForProcessInstanceAsync(string processInstanceId, CancellationToken cancellationToken);

    /// <summary>Where a regelverk (or one version of it) was applied — what a jurist asks before changing it.</summary>
    Task<IReadOnlyList<StoredEvaluation>> ForRegelverkAsync(string regelverk, string? version, CancellationToken cancellationToken);
}

/// <summary>Who asked: the process instance and BPMN element, when the evaluation came from a businessRuleTask.</summary>
public sealed record EvaluationContext(string? ProcessInstanceId, string? ElementId)
{
    public static EvaluationContext None { get; } = new(null, null);
}

public sealed record StoredEvaluation(string Id, DateTimeOffset UtfordVid, EvaluationContext Context, RuleSetResult Resultat);
