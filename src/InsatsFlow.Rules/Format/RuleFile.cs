using InsatsFlow.Rules.Input;
using RulesEngine.Models;

namespace InsatsFlow.Rules.Format;

/// <summary>One version of one regelverk: the envelope, the unchanged RulesEngine workflow, and the file's hash.</summary>
public sealed class RuleFile
{
    public required string Path { get; init; }
    public required string Regelverk { get; init; }
    public required string Version { get; init; }
    public required DateOnly GiltigFran { get; init; }
    public required IReadOnlyList<string> RattsligGrund { get; init; }
    public required string Beskrivning { get; init; }
    /// <summary>The input parameters in the order the expressions receive them.</summary>
    public required IReadOnlyList<(string Namn, InputShape Shape)> Indata { get; init; }
    /// <summary>The typed <c>param</c> object, or null when the file has no parametrar.</summary>
    public required object? Parametrar { get; init; }
    public required string ParametrarJson { get; init; }
    /// <summary>The parameters (numbers) that a förbundsordning may set: a förbund's value replaces the file's in its evaluations.</summary>
    public IReadOnlyList<string> Forbundsparametrar { get; init; } = [];
    public required Workflow Workflow { get; init; }
    public required IReadOnlyList<RuleDefinition> Regler { get; init; }
    /// <summary>SHA-256 of the file's bytes, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The compiled <c>detalj</c> expressions by rule name; each takes the indata (and param) in order.</summary>
    internal IReadOnlyDictionary<string, Delegate> Detaljer { get; set; } = new Dictionary<string, Delegate>();

    /// <summary>The RulesEngine instance that evaluates this file's workflow (one per file: versions share a WorkflowName).</summary>
    internal RulesEngine.RulesEngine Engine { get; set; } = null!;

    /// <summary>The limits the file was loaded under (its evaluation's time limit).</summary>
    internal Loading.RuleLimits Limits { get; set; } = new();
}
