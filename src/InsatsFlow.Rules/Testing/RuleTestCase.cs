using System.Text.Json;

namespace InsatsFlow.Rules.Testing;

/// <summary>One case from rules/&lt;regelverk&gt;/tests/*.json: input, date (or version), and each rule's expected outcome.</summary>
public sealed record RuleTestCase(
    string File,
    int Index,
    string Regelverk,
    string Namn,
    DateOnly Datum,
    string? Version,
    JsonElement Indata,
    IReadOnlyDictionary<string, string> Forvantat)
{
    public override string ToString() => $"{File} #{Index + 1} {Namn}";
}

/// <summary>How one case went.</summary>
public sealed record RuleTestResult(RuleTestCase? Fall, string File, bool Godkand, string? VersionProvad, IReadOnlyList<string> Avvikelser)
{
    public string Namn => Fall?.Namn ?? "(filen kunde inte läsas)";

    /// <summary>What each rule actually gave (empty when the case could not run), for the jurists' checklist.</summary>
    public IReadOnlyDictionary<string, Evaluation.Utfall> Utfall { get; init; } = new Dictionary<string, Evaluation.Utfall>();
}
