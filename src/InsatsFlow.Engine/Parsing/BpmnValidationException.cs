namespace InsatsFlow.Engine.Parsing;

/// <summary>One problem in a BPMN file: where (element id, line) and what.</summary>
public sealed record BpmnProblem(string? ElementId, int Line, string Message)
{
    public override string ToString() =>
        $"{(Line > 0 ? $"rad {Line}" : "")}{(ElementId is null ? "" : $"{(Line > 0 ? ", " : "")}element {ElementId}")}: {Message}";
}

/// <summary>The BPMN file was refused; every problem found is listed.</summary>
public sealed class BpmnValidationException(string? resource, IReadOnlyList<BpmnProblem> problems)
    : EngineValidationException(
        $"BPMN-filen {resource ?? ""} kan inte driftsättas:{Environment.NewLine}" + string.Join(Environment.NewLine, problems.Select(p => " - " + p)))
{
    public IReadOnlyList<BpmnProblem> Problems { get; } = problems;
}
